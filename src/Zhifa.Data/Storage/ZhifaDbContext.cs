using System.Text;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Zhifa.Data.Accounts;
using Zhifa.Data.Alerts;
using Zhifa.Data.CaseFileReviews;
using Zhifa.Data.Rectifications;
using Zhifa.Data.Calendar;
using Zhifa.Data.Catalog;
using Zhifa.Data.Inspections;
using Zhifa.Data.PenaltyCases;
using Zhifa.Data.Publicity;
using Zhifa.Data.Records;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Officers;
using Zhifa.Domain.Records;
using Zhifa.Domain.Publicity;

namespace Zhifa.Data.Storage;

/// <summary>
/// The platform's one DbContext. The schema it describes is created by the versioned SQL scripts under
/// Migrations/ (ADR-001); a test proves both agree on each provider.
/// </summary>
public sealed class ZhifaDbContext(DbContextOptions<ZhifaDbContext> options) : IdentityDbContext<ZhifaUser>(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Power> Powers => Set<Power>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<CertificateEvent> CertificateEvents => Set<CertificateEvent>();
    public DbSet<EnforcementCase> Cases => Set<EnforcementCase>();
    public DbSet<CaseOfficer> CaseOfficers => Set<CaseOfficer>();
    public DbSet<HolidayDayRow> HolidayDays => Set<HolidayDayRow>();
    public DbSet<HolidayYearRow> HolidayYears => Set<HolidayYearRow>();
    public DbSet<RecordEntry> RecordEntries => Set<RecordEntry>();
    public DbSet<RecordHead> RecordHeads => Set<RecordHead>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<PublicationWithdrawal> PublicationWithdrawals => Set<PublicationWithdrawal>();
    public DbSet<PublishedDecisionRow> PublishedDecisions => Set<PublishedDecisionRow>();
    public DbSet<InspectionRow> Inspections => Set<InspectionRow>();
    public DbSet<InspectionRequestRow> InspectionRequests => Set<InspectionRequestRow>();
    public DbSet<InspectionNumberRow> InspectionNumbers => Set<InspectionNumberRow>();
    public DbSet<PenaltyCaseRow> PenaltyCases => Set<PenaltyCaseRow>();
    public DbSet<PenaltyCaseDocumentRow> PenaltyCaseDocuments => Set<PenaltyCaseDocumentRow>();
    public DbSet<LegalReviewRow> LegalReviews => Set<LegalReviewRow>();
    public DbSet<IdempotencyRow> IdempotencyKeys => Set<IdempotencyRow>();
    public DbSet<Zhifa.Domain.PenaltyCases.DiscretionBenchmark> DiscretionBenchmarks => Set<Zhifa.Domain.PenaltyCases.DiscretionBenchmark>();
    public DbSet<Zhifa.Domain.PenaltyCases.ExemptionListItem> ExemptionListItems => Set<Zhifa.Domain.PenaltyCases.ExemptionListItem>();
    public DbSet<AlertRow> Alerts => Set<AlertRow>();
    public DbSet<OfficerTrainingRow> OfficerTrainings => Set<OfficerTrainingRow>();
    public DbSet<Statistics.CaseMonthCountRow> CaseMonthCounts => Set<Statistics.CaseMonthCountRow>();
    public DbSet<Statistics.OfficerMonthCasesRow> OfficerMonthCases => Set<Statistics.OfficerMonthCasesRow>();
    public DbSet<Statistics.DecisionMonthFinesRow> DecisionMonthFines => Set<Statistics.DecisionMonthFinesRow>();
    public DbSet<ReviewBatchRow> ReviewBatches => Set<ReviewBatchRow>();
    public DbSet<ReviewAgencyRow> ReviewAgencies => Set<ReviewAgencyRow>();
    public DbSet<ReviewFileRow> ReviewFiles => Set<ReviewFileRow>();
    public DbSet<ReviewScoreRow> ReviewScores => Set<ReviewScoreRow>();
    public DbSet<ReviewFindingRow> ReviewFindings => Set<ReviewFindingRow>();
    public DbSet<RectificationNoticeRow> RectificationNotices => Set<RectificationNoticeRow>();
    public DbSet<RectificationSourceRow> RectificationSources => Set<RectificationSourceRow>();
    public DbSet<RectificationEventRow> RectificationEvents => Set<RectificationEventRow>();
    public DbSet<MajorDecisionListRow> MajorDecisionList => Set<MajorDecisionListRow>();
    public DbSet<MajorDecisionListChangeRow> MajorDecisionListChanges => Set<MajorDecisionListChangeRow>();

    /// <summary>
    /// Indexes are chosen, not implied: EF's convention of one index per foreign key is off, because every index
    /// on the case tables costs a rebuild on bulk import (V003 dropped the power_id index that only served the
    /// foreign key). Foreign keys that need an index for their reads get one explicitly below.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Conventions.Remove(typeof(Microsoft.EntityFrameworkCore.Metadata.Conventions.ForeignKeyIndexConvention));

    /// <summary>
    /// Case numbers compare by their bytes (V018, ADR-025): on PostgreSQL a column collation, on SQLite the default
    /// (BINARY) already.
    /// </summary>
    private const string BytewiseCollation = "C";

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        var postgres = Database.IsNpgsql();
        // The Identity tables' foreign-key indexes, which the convention used to add (V002).
        b.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>>().HasIndex(x => x.RoleId);
        b.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().HasIndex(x => x.UserId);
        b.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().HasIndex(x => x.UserId);
        b.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>().HasIndex(x => x.RoleId);

        b.Entity<Agency>(e =>
        {
            e.ToTable("agencies");
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => x.RegionCode);
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.RegionCode).HasMaxLength(6);
            e.Property(x => x.ParentCode).HasMaxLength(64);
            e.Property(x => x.DocumentPrefix).HasMaxLength(32);
            e.Property(x => x.Category).HasConversion<string>().HasMaxLength(32);
        });

        b.Entity<Power>(e =>
        {
            e.ToTable("powers");
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => x.AgencyId);
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(500);
            e.Property(x => x.Category).HasConversion<string>().HasMaxLength(32);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Officer>(e =>
        {
            e.ToTable("officers");
            e.HasIndex(x => x.CertificateNumber).IsUnique();
            e.HasIndex(x => x.AgencyId);
            e.Property(x => x.CertificateNumber).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.ResidentId).HasMaxLength(18);
            e.Property(x => x.RevocationReason).HasMaxLength(200);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<CertificateEvent>(e =>
        {
            e.ToTable("certificate_events");
            e.HasIndex(x => new { x.OfficerId, x.On });
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Reason).HasMaxLength(200);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.HasOne<Officer>().WithMany().HasForeignKey(x => x.OfficerId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<EnforcementCase>(e =>
        {
            e.ToTable("cases");
            e.HasIndex(x => x.Number).IsUnique();
            // An agency's cases by day: lists, and the statistics of the days outside whole months (V014: whole months
            // come from the monthly summaries), which ask for the scope's agencies by list — one range per agency —
            // and read category and power from the index on PostgreSQL. V014 dropped the (filed_on, agency, category,
            // power) index the statistics scanned before: each index costs a rebuild on bulk import.
            e.HasIndex(x => new { x.AgencyId, x.FiledOn }).IncludeProperties(x => new { x.Category, x.PowerId });
            // The lists of overdue, late and unpublished penalty decisions (V014): penalty decisions by decision date
            // and general-procedure penalty cases by filing date, narrow and (on PostgreSQL) covering.
            e.HasIndex(x => x.DecidedOn).HasFilter("category = 'Penalty' AND decided_on IS NOT NULL")
                .IncludeProperties(x => new { x.Procedure, x.AgencyId, x.FiledOn, x.PublishedOn, x.ExtensionDays, x.Fine, x.Number });
            e.HasIndex(x => x.FiledOn, "IX_cases_general_penalty_filed_on").HasFilter("category = 'Penalty' AND procedure = 'General'")
                .IncludeProperties(x => new { x.AgencyId, x.DecidedOn, x.PublishedOn, x.ExtensionDays, x.Number });
            e.Property(x => x.Number).HasMaxLength(64);
            if (postgres)
                e.Property(x => x.Number).UseCollation(BytewiseCollation);
            e.Property(x => x.Category).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Procedure).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.PartyType).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.PartyName).HasMaxLength(200);
            e.Property(x => x.PartyCreditCode).HasMaxLength(18);
            e.Property(x => x.Outcome).HasMaxLength(200);
            // Money is stored as whole fen (分) so sums are exact in SQL on both providers.
            e.Property(x => x.Fine).HasConversion(MoneyAsFen).HasColumnName("fine_fen");
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Power>().WithMany().HasForeignKey(x => x.PowerId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<CaseOfficer>(e =>
        {
            e.ToTable("case_officers");
            e.HasKey(x => new { x.CaseId, x.OfficerId });
            e.HasIndex(x => new { x.OfficerId, x.FiledOn });
            e.HasOne<EnforcementCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Officer>().WithMany().HasForeignKey(x => x.OfficerId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<PublicationWithdrawal>(e =>
        {
            e.ToTable("publication_withdrawals");
            // One withdrawal per case; the portal's "not withdrawn" test is a seek on it (V005).
            e.HasIndex(x => x.CaseId).IsUnique();
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.HasOne<EnforcementCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<PublishedDecisionRow>(e =>
        {
            // The public search's own table (V008, ADR-011), so the portal needs no index on cases. The SQLite
            // full-text table and the PostgreSQL GIN index over party_grams are not part of the model (EF has no
            // words for them); V008 creates them and the schema test names them.
            e.ToTable("published_decisions");
            e.HasKey(x => x.SortKey);
            e.Property(x => x.SortKey).ValueGeneratedNever();
            e.HasIndex(x => x.CaseId).IsUnique();
            e.HasIndex(x => x.Number); // unique in cases already; a plain index is dropped and rebuilt in a bulk load
            e.HasIndex(x => new { x.AgencyId, x.SortKey });
            e.HasIndex(x => x.PartyCreditCode).HasFilter("party_credit_code IS NOT NULL");
            e.Property(x => x.Number).HasMaxLength(64);
            if (postgres)
                e.Property(x => x.Number).UseCollation(BytewiseCollation);
            e.Property(x => x.PartyType).HasMaxLength(32);
            e.Property(x => x.PartyCreditCode).HasMaxLength(18);
            e.Property(x => x.Outcome).HasMaxLength(200);
            e.Property(x => x.SearchText).HasMaxLength(200);
            // No foreign key to cases: derived rows, written with the case in one transaction (V008 says why).
        });

        // Monthly summaries of the case tables (V014, ADR-019), kept by triggers the model does not describe. Case counts
        // and fines lead with the month (a period is one range), officers with the officer (one seek per officer asks
        // whether they were named in the period). No foreign keys: derived rows, like published_decisions.
        b.Entity<Statistics.CaseMonthCountRow>(e =>
        {
            e.ToTable("case_month_counts");
            e.HasKey(x => new { x.Month, x.AgencyId, x.Category, x.PowerId });
            e.Property(x => x.Category).HasMaxLength(32);
        });
        b.Entity<Statistics.OfficerMonthCasesRow>(e =>
        {
            e.ToTable("officer_month_cases");
            e.HasKey(x => new { x.OfficerId, x.Month, x.AgencyId });
        });
        b.Entity<Statistics.DecisionMonthFinesRow>(e =>
        {
            e.ToTable("decision_month_fines");
            e.HasKey(x => new { x.Month, x.AgencyId });
        });

        b.Entity<HolidayDayRow>(e =>
        {
            e.ToTable("holiday_days");
            e.HasKey(x => x.Date);
            e.HasIndex(x => x.Year);
            e.Property(x => x.Name).HasMaxLength(32);
        });

        b.Entity<HolidayYearRow>(e =>
        {
            e.ToTable("holiday_years");
            e.HasKey(x => x.Year);
            e.Property(x => x.Year).ValueGeneratedNever();
            e.Property(x => x.Source).HasMaxLength(500);
            e.Property(x => x.LoadedBy).HasMaxLength(256);
        });

        b.Entity<ZhifaUser>(e =>
        {
            e.Property(x => x.DisplayName).HasMaxLength(100);
            e.HasIndex(x => x.AgencyId);
        });

        RecordsModel.Configure(b);
        InspectionsModel.Configure(b);
        PenaltyCasesModel.Configure(b);
        AlertsModel.Configure(b);
        ReviewsModel.Configure(b);
        RectificationsModel.Configure(b);
        MajorDecisionListModel.Configure(b);
        ApplySnakeCaseColumnNames(b);
    }

    private static readonly ValueConverter<decimal?, long?> MoneyAsFen = new(
        v => v == null ? null : ToFen(v.Value),
        v => v == null ? null : v.Value / 100m);

    /// <summary>Yuan as whole fen (分), the unit money is stored in.</summary>
    public static long ToFen(decimal yuan) => (long)decimal.Round(yuan * 100m, 0, MidpointRounding.AwayFromZero);

    /// <summary>Column names in snake_case for the tables of this platform (Identity keeps its own names).</summary>
    private static void ApplySnakeCaseColumnNames(ModelBuilder b)
    {
        foreach (var entity in b.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null || table.StartsWith("AspNet", StringComparison.Ordinal))
                continue;
            foreach (var property in entity.GetProperties())
            {
                if (property.GetColumnName() == property.Name)
                    property.SetColumnName(ToSnakeCase(property.Name));
            }
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
