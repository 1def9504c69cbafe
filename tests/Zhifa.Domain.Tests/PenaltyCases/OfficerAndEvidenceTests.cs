using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Domain.Tests.PenaltyCases;

public class OfficerAndEvidenceTests
{
    private static EvidenceInput Item(string on, string? sha = null) => new(EvidenceKind.Electronic, "监控录像", P.D(on), sha);

    [Fact]
    public void RecordEvidence_WhenFirstItem_MovesToInvestigatingAndKeepsTheHashInLowerCase()
    {
        var b = CaseBuilder.Filed();
        var sha = new string('A', 64);

        b.Case.RecordEvidence(b.Ctx, P.ZhangActs, Item("2024-03-02", sha), [P.Zhang, P.Li]).ShouldSucceed();

        b.Case.Stage.ShouldBe(PenaltyStage.Investigating);
        b.Case.Evidence.ShouldHaveSingleItem().FileSha256.ShouldBe(new string('a', 64));
        b.Case.Evidence[0].CollectorIds.ShouldBe([101L, 102L]);
    }

    [Fact]
    public void RecordEvidence_WhenHashIsNotSha256_IsRefused()
    {
        var b = CaseBuilder.Filed();

        b.Case.RecordEvidence(b.Ctx, P.ZhangActs, Item("2024-03-02", "abc"), [P.Zhang, P.Li]).ShouldFail("penalty.evidence_hash_invalid");
    }

    [Fact]
    public void RecordEvidence_WhenCollectedByOneOfficer_IsRefused()
    {
        var b = CaseBuilder.Filed();

        b.Case.RecordEvidence(b.Ctx, P.ZhangActs, Item("2024-03-02"), [P.Zhang]).ShouldFail("penalty.officers_too_few");
    }

    [Fact]
    public void RecordEvidence_WhenCollectedBeforeFiling_IsRefused()
    {
        var b = CaseBuilder.Filed();

        b.Case.RecordEvidence(b.Ctx, P.ZhangActs, Item("2024-02-28"), [P.Zhang, P.Li]).ShouldFail("penalty.date_order");
    }

    [Fact]
    public void RecordEvidence_WhenCertificateSuspendedOnTheDay_IsRefused()
    {
        var b = CaseBuilder.Filed();
        var suspended = P.Li with { MayActOn = day => day < P.D("2024-03-02") };

        b.Case.RecordEvidence(b.Ctx, P.ZhangActs, Item("2024-03-02"), [P.Zhang, suspended]).ShouldFail("penalty.officer_certificate_invalid");
    }

    [Fact]
    public void RecordRecusal_WhenOfficerIsRecused_TheOfficerCannotActOrCollectAnyMore()
    {
        var b = CaseBuilder.Filed();

        b.Case.RecordRecusal(b.Ctx, P.Head, P.Zhang.OfficerId, P.D("2024-03-02"), "与当事人有亲属关系").ShouldSucceed();

        var acting = b.Case.RecordEvidence(b.Ctx, P.ZhangActs, Item("2024-03-03"), [P.Li, P.Wang]);
        acting.ShouldFail("penalty.officer_recused");
        acting!.Message.ShouldContain("第四十三条");
        b.Case.RecordEvidence(b.Ctx, P.LiActs, Item("2024-03-03"), [P.Zhang, P.Li]).ShouldFail("penalty.officer_recused");
        b.Case.Officers.Single(o => o.OfficerId == 101).RecusalReason.ShouldBe("与当事人有亲属关系");
    }

    [Fact]
    public void Notify_WhenRecusalLeftOneOfficer_IsRefusedUntilAnotherIsAssigned()
    {
        var b = CaseBuilder.Filed().Evidence("2024-03-02");
        b.Case.RecordRecusal(b.Ctx, P.Head, P.Zhang.OfficerId, P.D("2024-03-03"), "利害关系").ShouldSucceed();
        var notice = new NoticeInput(P.D("2024-03-05"), [PenaltyKind.Warning], null, null, "事实", "依据");

        b.Case.Notify(b.Ctx, P.LiActs, notice).ShouldFail("penalty.officers_too_few");

        b.Case.AssignOfficer(b.Ctx, P.Head, P.Wang, P.D("2024-03-04")).ShouldSucceed();
        b.Case.Notify(b.Ctx, P.LiActs, notice).ShouldSucceed();
    }

    [Fact]
    public void AssignOfficer_WhenRecusedOfficerIsAssignedAgain_IsRefused()
    {
        var b = CaseBuilder.Filed();
        b.Case.RecordRecusal(b.Ctx, P.Head, P.Zhang.OfficerId, P.D("2024-03-02"), "利害关系").ShouldSucceed();

        b.Case.AssignOfficer(b.Ctx, P.Head, P.Zhang, P.D("2024-03-03")).ShouldFail("penalty.officer_recused");
        b.Case.AssignOfficer(b.Ctx, P.Head, P.Li, P.D("2024-03-03")).ShouldFail("penalty.officer_already_assigned");
        b.Case.AssignOfficer(b.Ctx, P.Head, P.Wang with { AgencyId = P.OtherAgency }, P.D("2024-03-03")).ShouldFail("penalty.officer_other_agency");
    }

    [Fact]
    public void RecordRecusal_WhenNoReason_IsRefused()
    {
        var b = CaseBuilder.Filed();

        b.Case.RecordRecusal(b.Ctx, P.Head, P.Zhang.OfficerId, P.D("2024-03-02"), " ").ShouldFail("penalty.text_required");
        b.Case.RecordRecusal(b.Ctx, P.Head, 999, P.D("2024-03-02"), "利害关系").ShouldFail("penalty.not_case_officer");
    }

    [Fact]
    public void Classify_WhenHandlerLowersAFlag_IsRefusedButTheHeadMay()
    {
        var b = CaseBuilder.Filed(significance: new CaseSignificance { MajorPublicInterest = true });

        b.Case.Classify(b.Ctx, P.ZhangActs, CaseSignificance.None).ShouldFail("penalty.significance_lowered_by_handler");
        b.Case.Classify(b.Ctx, P.ZhangActs, new CaseSignificance { MajorPublicInterest = true, MajorViolation = true }).ShouldSucceed();
        b.Case.Classify(b.Ctx, P.Head, CaseSignificance.None).ShouldSucceed();

        b.Case.Significance.ShouldBe(CaseSignificance.None);
    }
}
