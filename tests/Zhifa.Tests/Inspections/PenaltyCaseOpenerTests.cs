using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Accounts;
using Zhifa.Data.Storage;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Common;
using Zhifa.Inspections;
using Zhifa.Tests.Records;
using Zhifa.Web;
using static Zhifa.Tests.Inspections.InspectionBed;

namespace Zhifa.Tests.Inspections;

/// <summary>
/// The seam to the penalty-case module: an opener runs inside the referral's transaction, so the case it opens and the
/// referral commit together, and a refusal rolls the referral back.
/// </summary>
public sealed class PenaltyCaseOpenerTests
{
    /// <summary>What an integration might do: file a penalty case row through the same context and return its id.</summary>
    private sealed class FilingOpener(ZhifaDbContext db) : IPenaltyCaseOpener
    {
        public async Task<Result<long?>> OpenAsync(PenaltyCaseReferral referral, CancellationToken ct = default)
        {
            var c = new EnforcementCase("津河市监立〔2025〕1号", referral.AgencyId, PowerCategory.Penalty, referral.PowerSuggestions[0].PowerId, referral.ReferredOn);
            db.Cases.Add(c);
            await db.SaveChangesAsync(ct);
            return c.Id;
        }
    }

    private sealed class RefusingOpener : IPenaltyCaseOpener
    {
        public Task<Result<long?>> OpenAsync(PenaltyCaseReferral referral, CancellationToken ct = default) =>
            Task.FromResult(Result.Fail<long?>("penalty.limitation_expired", "违法行为已超过追责时效，不予立案（行政处罚法 第三十六条）"));
    }

    private static async Task<(InspectionCommands Commands, long Id)> ReferralAsync(RecordTestBed bed, ZhifaDbContext db, Func<ZhifaDbContext, IPenaltyCaseOpener> opener)
    {
        var agency = await db.Agencies.SingleAsync(a => a.Code == "AGA");
        var scope = CallerScope.For("offA", Roles.Officer, agency.Id);
        var queries = new InspectionQueries(db, scope, TimeProvider.System);
        var commands = new InspectionCommands(db, scope, queries, opener(db), TimeProvider.System);
        var request = new RecordInspectionRequest("PA2", ["A001", "A002"], "法人", "天津鑫盛餐饮管理有限公司", CompanyCode, null,
            Day, null, "发现超过保质期的食品", "移交立案", null);
        var recorded = await commands.RecordAsync(request, null);
        recorded.IsSuccess.ShouldBeTrue(recorded.Error?.Message);
        return (commands, recorded.Value.Inspection.Id);
    }

    [Fact]
    public async Task Refer_WithAnOpenerThatFilesACase_LinksItInTheSameTransaction()
    {
        await using var bed = await InspectionBed.StartAsync(null);
        await using var db = bed.Target.CreateContext();
        var (commands, id) = await ReferralAsync(bed, db, d => new FilingOpener(d));

        var referred = await commands.ReferAsync(id, new ReferRequest());

        referred.IsSuccess.ShouldBeTrue(referred.Error?.Message);
        var penaltyId = await bed.ScalarAsync<long>("SELECT id FROM cases WHERE number = '津河市监立〔2025〕1号'");
        referred.Value.Inspection.PenaltyCaseId.ShouldBe(penaltyId);
        referred.Value.Filing.PenaltyCaseId.ShouldBe(penaltyId);
        (await bed.ScalarAsync<long>("SELECT penalty_case_id FROM inspections WHERE case_id = @id", new { id })).ShouldBe(penaltyId);
        (await bed.ScalarAsync<string>("SELECT content FROM record_entries WHERE chain_key = @id AND sequence = 2", new { id }))
            .ShouldContain($"\"penaltyCaseId\":{penaltyId}");
    }

    [Fact]
    public async Task Refer_WhenTheOpenerRefuses_Is422AndNothingOfTheReferralIsWritten()
    {
        await using var bed = await InspectionBed.StartAsync(null);
        await using var db = bed.Target.CreateContext();
        var (commands, id) = await ReferralAsync(bed, db, _ => new RefusingOpener());

        var referred = await commands.ReferAsync(id, new ReferRequest());

        referred.IsSuccess.ShouldBeFalse();
        referred.Error.Kind.ShouldBe(FailureKind.RuleBroken);
        referred.Error.Code.ShouldBe("penalty.limitation_expired");
        (await bed.ScalarAsync<string?>("SELECT referred_on FROM inspections WHERE case_id = @id", new { id })).ShouldBeNull();
        (await bed.ScalarAsync<long>("SELECT count(*) FROM record_entries WHERE chain_key = @id", new { id })).ShouldBe(1);
    }
}
