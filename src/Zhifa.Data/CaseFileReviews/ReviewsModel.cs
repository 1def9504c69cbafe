using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;

namespace Zhifa.Data.CaseFileReviews;

/// <summary>The case-file review tables (V013, ADR-017).</summary>
internal static class ReviewsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ReviewBatchRow>(e =>
        {
            e.ToTable("case_file_review_batches");
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Categories).HasMaxLength(200);
            e.Property(x => x.SampleRatio).HasPrecision(5, 4);
            e.Property(x => x.ExcellentFrom).HasPrecision(4, 1);
            e.Property(x => x.GoodFrom).HasPrecision(4, 1);
            e.Property(x => x.PassFrom).HasPrecision(4, 1);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.FinishedBy).HasMaxLength(256);
        });

        b.Entity<ReviewAgencyRow>(e =>
        {
            e.ToTable("case_file_review_agencies");
            e.HasKey(x => new { x.BatchId, x.AgencyId });
            // An agency's staff list the batches that include their agency.
            e.HasIndex(x => new { x.AgencyId, x.BatchId });
            e.Property(x => x.CandidatesDigest).HasMaxLength(64);
            e.HasOne<ReviewBatchRow>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<ReviewFileRow>(e =>
        {
            e.ToTable("case_file_review_files");
            e.HasIndex(x => new { x.BatchId, x.CaseId }).IsUnique();
            e.HasIndex(x => new { x.BatchId, x.AgencyId, x.Position });
            e.HasOne<ReviewBatchRow>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<EnforcementCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<ReviewScoreRow>(e =>
        {
            e.ToTable("case_file_review_scores");
            e.HasIndex(x => new { x.FileId, x.ItemCode });
            e.Property(x => x.ItemCode).HasMaxLength(32);
            e.Property(x => x.Points).HasPrecision(4, 1);
            e.Property(x => x.Note).HasMaxLength(ReviewScoreRow.MaxNoteLength);
            e.Property(x => x.ScoredBy).HasMaxLength(256);
            e.HasOne<ReviewFileRow>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<ReviewFindingRow>(e =>
        {
            e.ToTable("case_file_review_findings");
            e.HasIndex(x => x.FileId);
            e.Property(x => x.ItemCode).HasMaxLength(32);
            e.Property(x => x.Text).HasMaxLength(ReviewFindingRow.MaxTextLength);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.HasOne<ReviewFileRow>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
