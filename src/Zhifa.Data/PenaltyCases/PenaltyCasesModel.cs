using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Officers;
using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Data.PenaltyCases;

/// <summary>The tables of penalty cases handled on the platform (ADR-007): V006__penalty_cases.sql.</summary>
internal static class PenaltyCasesModel
{
    public const int MaxNumberLength = 64;
    public const int MaxUserNameLength = 256;

    private static readonly ValueConverter<decimal, long> Fen = new(v => Storage.ZhifaDbContext.ToFen(v), v => v / 100m);

    public static void Configure(ModelBuilder b)
    {
        b.Entity<PenaltyCaseRow>(e =>
        {
            e.ToTable("penalty_cases");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Procedure).HasMaxLength(16);
            e.Property(x => x.Stage).HasMaxLength(32);
            e.Property(x => x.Number).HasMaxLength(MaxNumberLength);
            e.Property(x => x.PartyName).HasMaxLength(200);
            e.Property(x => x.NextDeadlineName).HasMaxLength(64);
            // Lists are per agency and stage; the due filter reads the next deadline.
            e.HasIndex(x => new { x.AgencyId, x.Stage });
            e.HasIndex(x => x.NextDeadlineOn);
            e.HasOne<EnforcementCase>().WithOne().HasForeignKey<PenaltyCaseRow>(x => x.Id).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<PenaltyCaseDocumentRow>(e =>
        {
            e.ToTable("penalty_case_documents");
            e.HasKey(x => new { x.CaseId, x.Kind, x.Item });
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Number).HasMaxLength(MaxNumberLength);
            e.Property(x => x.AllocatedBy).HasMaxLength(MaxUserNameLength);
            e.HasIndex(x => x.Number).IsUnique();
            e.HasOne<PenaltyCaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<DocumentSequenceRow>(e =>
        {
            e.ToTable("document_number_sequences");
            e.HasKey(x => new { x.AgencyId, x.Year, x.Kind });
            e.Property(x => x.Kind).HasMaxLength(32);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<IdempotencyRow>(e =>
        {
            e.ToTable("idempotency_keys");
            e.HasKey(x => new { x.UserName, x.Key });
            e.Property(x => x.UserName).HasMaxLength(MaxUserNameLength);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.Operation).HasMaxLength(64);
            e.Property(x => x.RequestHash).HasMaxLength(64);
        });

        b.Entity<LegalReviewRow>(e =>
        {
            e.ToTable("legal_reviews");
            e.HasKey(x => new { x.CaseId, x.Sequence });
            e.Property(x => x.SubmittedBy).HasMaxLength(MaxUserNameLength);
            e.Property(x => x.Outcome).HasMaxLength(16);
            // The reviewer's task list, and the statistics by agency and period.
            e.HasIndex(x => new { x.ReviewerOfficerId, x.Outcome });
            e.HasIndex(x => new { x.AgencyId, x.CompletedOn });
            e.HasOne<PenaltyCaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Officer>().WithMany().HasForeignKey(x => x.ReviewerOfficerId).OnDelete(DeleteBehavior.Restrict);
        });

        ConfigureStandards(b);
    }

    /// <summary>Discretion benchmarks and exemption-list items per power, published by date (行政处罚法 第三十三、三十四条).</summary>
    private static void ConfigureStandards(ModelBuilder b)
    {
        b.Entity<DiscretionBenchmark>(e =>
        {
            e.ToTable("discretion_benchmarks");
            e.HasIndex(x => new { x.PowerId, x.PublishedOn });
            e.Property<DateTimeOffset>("RecordedAt");
            e.Property<string>("RecordedBy").HasMaxLength(MaxUserNameLength).IsRequired();
            e.HasMany(x => x.Tiers).WithOne().HasForeignKey("BenchmarkId").IsRequired().OnDelete(DeleteBehavior.Restrict);
            e.Navigation(x => x.Tiers).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasOne<Power>().WithMany().HasForeignKey(x => x.PowerId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<DiscretionTier>(e =>
        {
            e.ToTable("discretion_tiers");
            e.HasIndex("BenchmarkId");
            e.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.MinFine).HasConversion(Fen).HasColumnName("min_fine_fen");
            e.Property(x => x.MaxFine).HasConversion(Fen).HasColumnName("max_fine_fen");
            e.Property(x => x.Circumstances).HasMaxLength(1000);
        });

        b.Entity<ExemptionListItem>(e =>
        {
            e.ToTable("exemption_list_items");
            e.HasIndex(x => new { x.PowerId, x.PublishedOn });
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Conditions).HasMaxLength(2000);
            e.Property<DateTimeOffset>("RecordedAt");
            e.Property<string>("RecordedBy").HasMaxLength(MaxUserNameLength).IsRequired();
            e.HasOne<Power>().WithMany().HasForeignKey(x => x.PowerId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
