using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Inspections;
using Zhifa.Domain.Records;

namespace Zhifa.Data.Inspections;

/// <summary>The inspection tables (V007): detail, idempotency keys and number sequences. No index on cases is added.</summary>
internal static class InspectionsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<InspectionRow>(e =>
        {
            e.ToTable("inspections");
            e.HasKey(x => x.CaseId);
            e.Property(x => x.CaseId).ValueGeneratedNever();
            e.Property(x => x.PartyIdNumber).HasMaxLength(18);
            e.Property(x => x.PartyIdAbsentReason).HasMaxLength(InspectionParty.MaxReasonLength);
            e.Property(x => x.Location).HasMaxLength(InspectionRules.MaxLocationLength);
            e.Property(x => x.Findings).HasMaxLength(InspectionRules.MaxFindingsLength);
            e.Property(x => x.Result).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.RectificationNote).HasMaxLength(InspectionRules.MaxNoteLength);
            e.Property(x => x.ReferredBy).HasMaxLength(RecordEntry.MaxActorLength);
            e.Property(x => x.CreatedBy).HasMaxLength(RecordEntry.MaxActorLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<EnforcementCase>().WithOne().HasForeignKey<InspectionRow>(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            // A penalty case is filed from at most one inspection's referral; the case finds its source by it (V010).
            e.HasIndex(x => x.PenaltyCaseId).IsUnique();
        });

        b.Entity<InspectionRequestRow>(e =>
        {
            e.ToTable("inspection_requests");
            // Keys are the caller's own: the same key from two users names two requests.
            e.HasKey(x => new { x.UserName, x.IdempotencyKey });
            e.Property(x => x.UserName).HasMaxLength(RecordEntry.MaxActorLength);
            e.Property(x => x.IdempotencyKey).HasMaxLength(100);
            e.Property(x => x.RequestHash).HasMaxLength(64);
            e.HasOne<EnforcementCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<InspectionNumberRow>(e =>
        {
            e.ToTable("inspection_numbers");
            e.HasKey(x => new { x.AgencyId, x.Year });
            e.Property(x => x.AgencyId).ValueGeneratedNever();
            e.Property(x => x.Year).ValueGeneratedNever();
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
