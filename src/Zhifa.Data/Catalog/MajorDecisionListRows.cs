using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Catalog;

namespace Zhifa.Data.Catalog;

/// <summary>
/// A power on its agency's 重大执法决定法制审核目录 now (V017, ADR-022): one row per listed power, removed when the power is
/// unlisted. The current state, read by the penalty workflow, the alert evaluation and the power lists; what happened is
/// in <see cref="MajorDecisionListChangeRow"/>.
/// </summary>
public sealed class MajorDecisionListRow
{
    public long PowerId { get; set; }
    public DateTimeOffset ListedAt { get; set; }
    public string ListedBy { get; set; } = "";
}

/// <summary>One change of the list (listed or unlisted, by whom, when, why); append-only (triggers in V017).</summary>
public sealed class MajorDecisionListChangeRow
{
    public const int MaxReasonLength = 1000;

    public long Id { get; set; }
    public long PowerId { get; set; }
    public bool Listed { get; set; }
    public string Reason { get; set; } = "";
    public string ChangedBy { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>The major-decision list tables (V017, ADR-022).</summary>
internal static class MajorDecisionListModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<MajorDecisionListRow>(e =>
        {
            e.ToTable("major_decision_list");
            e.HasKey(x => x.PowerId);
            e.Property(x => x.PowerId).ValueGeneratedNever();
            e.Property(x => x.ListedBy).HasMaxLength(256);
            e.HasOne<Power>().WithOne().HasForeignKey<MajorDecisionListRow>(x => x.PowerId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<MajorDecisionListChangeRow>(e =>
        {
            e.ToTable("major_decision_list_changes");
            e.HasIndex(x => new { x.PowerId, x.Id });
            e.Property(x => x.Reason).HasMaxLength(MajorDecisionListChangeRow.MaxReasonLength);
            e.Property(x => x.ChangedBy).HasMaxLength(256);
            e.HasOne<Power>().WithMany().HasForeignKey(x => x.PowerId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
