using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Catalog;

namespace Zhifa.Data.Rectifications;

/// <summary>The rectification tables (V015, ADR-020).</summary>
internal static class RectificationsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<RectificationNoticeRow>(e =>
        {
            e.ToTable("rectification_notices");
            e.HasIndex(x => new { x.Year, x.Sequence }).IsUnique();
            // An agency lists its own notices; the evaluation reads the ones not accepted.
            e.HasIndex(x => new { x.AgencyId, x.Id });
            e.HasIndex(x => new { x.Status, x.Deadline });
            e.Property(x => x.Number).HasMaxLength(64);
            e.Property(x => x.Issues).HasMaxLength(RectificationNoticeRow.MaxTextLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.IssuedBy).HasMaxLength(256);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<RectificationSourceRow>(e =>
        {
            e.ToTable("rectification_sources");
            e.HasKey(x => new { x.NoticeId, x.Kind, x.SourceId });
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Label).HasMaxLength(500);
            e.HasOne<RectificationNoticeRow>().WithMany().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<RectificationEventRow>(e =>
        {
            e.ToTable("rectification_events");
            e.HasIndex(x => new { x.NoticeId, x.Id });
            e.Property(x => x.Action).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Text).HasMaxLength(RectificationNoticeRow.MaxTextLength);
            e.Property(x => x.ActedBy).HasMaxLength(256);
            e.HasOne<RectificationNoticeRow>().WithMany().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
