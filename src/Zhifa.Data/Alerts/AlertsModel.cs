using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Officers;

namespace Zhifa.Data.Alerts;

/// <summary>The alert and training tables (V011, ADR-015).</summary>
internal static class AlertsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<AlertRow>(e =>
        {
            e.ToTable("alerts");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.RecordKey).HasMaxLength(64);
            e.Property(x => x.RecordLabel).HasMaxLength(200);
            e.Property(x => x.Details).HasMaxLength(2000);
            // The inbox reads an agency's open (or closed) alerts; the evaluation reads every open alert.
            e.HasIndex(x => new { x.AgencyId, x.ClosedAt });
            e.HasIndex(x => new { x.ClosedAt, x.Kind });
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<OfficerTrainingRow>(e =>
        {
            e.ToTable("officer_trainings");
            e.Property(x => x.Hours).HasPrecision(6, 1);
            e.Property(x => x.Course).HasMaxLength(200);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.OfficerId, x.TrainedOn });
            e.HasOne<Officer>().WithMany().HasForeignKey(x => x.OfficerId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
