using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Storage;
using Zhifa.Domain.CaseFileReviews;
using Zhifa.Domain.Catalog;

namespace Zhifa.Data.CaseFileReviews;

/// <summary>A case a batch may draw: closed (or, without a closing date, decided) in the period, of a scope agency and category.</summary>
public sealed record ReviewCandidate(long Id, long AgencyId, string Number);

/// <summary>One agency of a re-derivation: candidates then and now, the stored and the re-derived sample.</summary>
public sealed record AgencyVerification(string AgencyCode, string AgencyName, int CandidatesThen, int CandidatesNow, bool CandidatesUnchanged,
    IReadOnlyList<string> Stored, IReadOnlyList<string> Rederived, bool SampleMatches);

/// <summary>The outcome of re-deriving a batch's sample from its recorded seed (ADR-017).</summary>
public sealed record ReviewVerification(long BatchId, string Title, long Seed, bool Matches, IReadOnlyList<AgencyVerification> Agencies);

/// <summary>
/// What the sample of a batch is drawn from and how it is re-derived: shared by the API, the pages and
/// <c>zhifa review verify</c>, so all three read the candidates the same way.
/// </summary>
public static class ReviewDraws
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The candidate files: cases of the agencies and categories whose closing date (结案日期), or decision date when the
    /// case has no closing date (imported history often lacks one), falls in [from, to].
    /// </summary>
    public static async Task<List<ReviewCandidate>> CandidatesAsync(ZhifaDbContext db, IReadOnlyCollection<long> agencyIds,
        IReadOnlyCollection<PowerCategory> categories, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var ids = agencyIds.ToList();
        var cats = categories.ToList();
        return await db.Cases.AsNoTracking()
            .Where(c => ids.Contains(c.AgencyId) && cats.Contains(c.Category)
                        && (c.ClosedOn ?? c.DecidedOn) >= from && (c.ClosedOn ?? c.DecidedOn) <= to)
            .Select(c => new ReviewCandidate(c.Id, c.AgencyId, c.Number))
            .ToListAsync(ct);
    }

    public static string RubricJson(ReviewRubric rubric) => JsonSerializer.Serialize(rubric.Items, Json);

    public static ReviewRubric RubricOf(ReviewBatchRow batch) =>
        new(JsonSerializer.Deserialize<List<RubricItem>>(batch.Rubric, Json) ?? []);

    public static SamplingRule RuleOf(ReviewBatchRow batch) => new(batch.SampleCount, batch.SampleRatio, batch.MinimumPerAgency);

    public static GradeScale ScaleOf(ReviewBatchRow batch) => new(batch.ExcellentFrom, batch.GoodFrom, batch.PassFrom);

    public static IReadOnlyList<PowerCategory> CategoriesOf(ReviewBatchRow batch) =>
        batch.Categories.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<PowerCategory>).ToList();

    public static string CategoriesText(IEnumerable<PowerCategory> categories) => string.Join(",", categories);

    /// <summary>
    /// Re-derives the batch's sample: its agencies' candidates read again, drawn again with the recorded seed and rule,
    /// and compared with the files stored (in draw order) and with the digest of the candidates at the draw. Null when
    /// there is no such batch.
    /// </summary>
    public static async Task<ReviewVerification?> VerifyAsync(ZhifaDbContext db, long batchId, CancellationToken ct = default)
    {
        var batch = await db.ReviewBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
            return null;
        var scope = await (from a in db.ReviewAgencies.AsNoTracking()
                           join g in db.Agencies.AsNoTracking() on a.AgencyId equals g.Id
                           where a.BatchId == batchId
                           orderby g.Code
                           select new { a.AgencyId, a.Candidates, a.CandidatesDigest, g.Code, g.Name }).ToListAsync(ct);
        var stored = await (from f in db.ReviewFiles.AsNoTracking()
                            join c in db.Cases.AsNoTracking() on f.CaseId equals c.Id
                            where f.BatchId == batchId
                            orderby f.AgencyId, f.Position
                            select new { f.AgencyId, c.Number }).ToListAsync(ct);
        var candidates = await CandidatesAsync(db, scope.Select(s => s.AgencyId).ToList(), CategoriesOf(batch), batch.PeriodFrom, batch.PeriodTo, ct);
        var rule = RuleOf(batch);
        var agencies = scope.Select(s =>
        {
            var now = candidates.Where(c => c.AgencyId == s.AgencyId).Select(c => c.Number).ToList();
            var drawn = ReviewSampler.DrawOne(batch.Seed, new AgencyCandidates(s.Code, now), rule);
            var kept = stored.Where(f => f.AgencyId == s.AgencyId).Select(f => f.Number).ToList();
            return new AgencyVerification(s.Code, s.Name, s.Candidates, drawn.Candidates, drawn.CandidatesDigest == s.CandidatesDigest,
                kept, drawn.CaseNumbers, kept.SequenceEqual(drawn.CaseNumbers, StringComparer.Ordinal));
        }).ToList();
        return new ReviewVerification(batch.Id, batch.Title, batch.Seed, agencies.All(a => a.SampleMatches && a.CandidatesUnchanged), agencies);
    }
}
