using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Records;

namespace Zhifa.Data.Records;

/// <summary>The full-process record's tables (ADR-006): entries, chain heads and evidence files.</summary>
internal static class RecordsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<RecordEntry>(e =>
        {
            e.ToTable("record_entries");
            // The key is the chain and its sequence: two appends can never take the same place.
            e.HasKey(x => new { x.ChainKey, x.Sequence });
            e.Property(x => x.ChainKey).ValueGeneratedNever();
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(RecordEntry.MaxKindLength);
            e.Property(x => x.Actor).HasMaxLength(RecordEntry.MaxActorLength);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
        });

        b.Entity<RecordHead>(e =>
        {
            e.ToTable("record_heads");
            e.HasKey(x => x.ChainKey);
            e.Property(x => x.ChainKey).ValueGeneratedNever();
            e.Property(x => x.LastHash).HasMaxLength(64);
        });

        b.Entity<EvidenceFile>(e =>
        {
            e.ToTable("evidence_files");
            // One evidence.added entry vouches for one file; the index also serves the list of a case.
            e.HasIndex(x => new { x.CaseId, x.RecordSequence }).IsUnique();
            e.Property(x => x.FileName).HasMaxLength(EvidenceFile.MaxFileNameLength);
            e.Property(x => x.ContentType).HasMaxLength(EvidenceFile.MaxContentTypeLength);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.StorageKey).HasMaxLength(200);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Description).HasMaxLength(EvidenceFile.MaxDescriptionLength);
            e.Property(x => x.RecordedBy).HasMaxLength(RecordEntry.MaxActorLength);
            e.HasOne<EnforcementCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
