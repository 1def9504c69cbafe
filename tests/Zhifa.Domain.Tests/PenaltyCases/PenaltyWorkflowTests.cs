using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Domain.Tests.PenaltyCases;

public class PenaltyWorkflowTests
{
    [Fact]
    public void Table_WhenBuilt_CoversEveryStepAndEveryStageButArchivedWhereOnlyPublicationRemains()
    {
        Enum.GetValues<PenaltyStep>().ShouldAllBe(step => PenaltyWorkflow.Table.Any(t => t.Step == step));
        Enum.GetValues<PenaltyStage>().Where(s => s != PenaltyStage.Archived)
            .ShouldAllBe(stage => PenaltyWorkflow.Table.Any(t => t.From == stage));
        PenaltyWorkflow.Table.Where(t => t.From == PenaltyStage.Archived)
            .ShouldAllBe(t => t.Step == PenaltyStep.Publish && t.To == PenaltyStage.Archived);
    }

    [Fact]
    public void Table_WhenBuilt_UsesOnlyAgencyRolesButForPublicationWhichTheSystemAdministratorMayAlsoTake()
    {
        PenaltyWorkflow.Table.Where(t => t.Step != PenaltyStep.Publish).SelectMany(t => t.Roles).Distinct().Order()
            .ShouldBe([PenaltyRoles.AgencyAdmin, PenaltyRoles.Officer, PenaltyRoles.Reviewer]);
        PenaltyWorkflow.Table.Where(t => t.Step == PenaltyStep.Publish)
            .ShouldAllBe(t => t.From == t.To && t.Roles.SequenceEqual(new[] { PenaltyRoles.AgencyAdmin, PenaltyRoles.Admin }));
        PenaltyWorkflow.Table.Where(t => t.Step == PenaltyStep.Publish).Select(t => t.From)
            .ShouldBe([PenaltyStage.Decided, PenaltyStage.Served, PenaltyStage.Executing, PenaltyStage.Closed, PenaltyStage.Archived]);
    }

    [Fact]
    public void Check_WhenStepNotInStage_FailsOutOfOrderNamingStageAndStep()
    {
        var result = PenaltyWorkflow.Check(PenaltyStage.Filed, PenaltyStep.Serve, PenaltyRoles.Officer);

        result.ShouldFail("penalty.step_out_of_order");
        result.Error!.Message.ShouldContain("「立案」");
        result.Error.Message.ShouldContain("「送达决定书」");
    }

    [Fact]
    public void Check_WhenRoleNotAllowed_FailsWrongRoleNamingTheAllowedRole()
    {
        var result = PenaltyWorkflow.Check(PenaltyStage.Notified, PenaltyStep.Decide, PenaltyRoles.Officer);

        result.ShouldFail("penalty.wrong_role");
        result.Error!.Message.ShouldContain("「作出决定」");
        result.Error.Message.ShouldContain("机关负责人");
        result.Error.Message.ShouldContain("当前角色为执法人员");
    }

    [Fact]
    public void Check_WhenNoCaseYetAndStepIsNotAStart_FailsOutOfOrder()
    {
        PenaltyWorkflow.Check(null, PenaltyStep.Decide, PenaltyRoles.AgencyAdmin).ShouldFail("penalty.step_out_of_order");
    }

    [Theory]
    [InlineData(PenaltyStage.LegalReview, PenaltyStep.ReturnReview, PenaltyRoles.Reviewer, PenaltyStage.Investigating)]
    [InlineData(PenaltyStage.Filed, PenaltyStep.RecordEvidence, PenaltyRoles.Officer, PenaltyStage.Investigating)]
    [InlineData(PenaltyStage.Notified, PenaltyStep.RequestHearing, PenaltyRoles.Officer, PenaltyStage.Hearing)]
    [InlineData(PenaltyStage.Served, PenaltyStep.RecordPayment, PenaltyRoles.Officer, PenaltyStage.Executing)]
    [InlineData(PenaltyStage.Hearing, PenaltyStep.ApproveExtension, PenaltyRoles.AgencyAdmin, PenaltyStage.Hearing)]
    public void Check_WhenAllowed_ReturnsTheNextStage(PenaltyStage from, PenaltyStep step, string role, PenaltyStage to)
    {
        PenaltyWorkflow.Check(from, step, role).Value.ShouldBe(to);
    }

    [Fact]
    public void AvailableSteps_WhenOfficerInFiled_ListsInvestigationButNotDecision()
    {
        var steps = PenaltyWorkflow.AvailableSteps(PenaltyStage.Filed, PenaltyRoles.Officer);

        steps.ShouldBe([PenaltyStep.Classify, PenaltyStep.RecordEvidence]);
    }

    [Fact]
    public void AvailableSteps_WhenHeadStartsACase_OffersFilingOnly()
    {
        PenaltyWorkflow.AvailableSteps(null, PenaltyRoles.AgencyAdmin).ShouldBe([PenaltyStep.ApproveFiling]);
        PenaltyWorkflow.AvailableSteps(null, PenaltyRoles.Officer).ShouldBe([PenaltyStep.DecideOnTheSpot]);
    }

    [Fact]
    public void AvailableSteps_WhenSupervisorOrArchived_IsEmptyButForPublication()
    {
        Enum.GetValues<PenaltyStage>().ShouldAllBe(s => PenaltyWorkflow.AvailableSteps(s, PenaltyRoles.Supervisor).Count == 0);
        PenaltyWorkflow.AvailableSteps(PenaltyStage.Archived, PenaltyRoles.AgencyAdmin).ShouldBe([PenaltyStep.Publish]);
    }

    [Fact]
    public void Step_WhenOutOfOrderOnACase_ChangesNothing()
    {
        var b = CaseBuilder.Filed();
        var history = b.Case.History.Count;

        b.Case.Serve(b.Ctx, P.ZhangActs, P.D("2024-03-02"), ServiceMethod.Direct).ShouldFail("penalty.step_out_of_order");

        b.Case.Stage.ShouldBe(PenaltyStage.Filed);
        b.Case.History.Count.ShouldBe(history);
        b.Case.ServedOn.ShouldBeNull();
    }

    [Fact]
    public void Step_WhenWrongRoleOnACase_FailsWrongRole()
    {
        var b = CaseBuilder.Filed().Notified("2024-03-05").Waived("2024-03-05");

        b.Case.Decide(b.Ctx, P.ZhangActs, new DecisionInput(P.D("2024-03-06"), PenaltyOutcome.Penalty) { Kinds = [PenaltyKind.Fine], Fine = 1000m })
            .ShouldFail("penalty.wrong_role");
        b.Case.Stage.ShouldBe(PenaltyStage.Notified);
    }

    [Fact]
    public void Step_WhenActorOfAnotherAgency_FailsOtherAgency()
    {
        var b = CaseBuilder.Filed();
        var stranger = P.ZhangActs with { AgencyId = P.OtherAgency };

        b.Case.RecordEvidence(b.Ctx, stranger, new EvidenceInput(EvidenceKind.Documentary, "营业执照", P.D("2024-03-02")), [P.Zhang, P.Li])
            .ShouldFail("penalty.other_agency");
    }

    [Fact]
    public void Step_WhenOfficerIsNotAssigned_FailsNotCaseOfficer()
    {
        var b = CaseBuilder.Filed();
        var wang = new PenaltyActor("wang", PenaltyRoles.Officer, P.Agency, P.Wang.OfficerId);

        b.Case.RecordEvidence(b.Ctx, wang, new EvidenceInput(EvidenceKind.Documentary, "营业执照", P.D("2024-03-02")), [P.Zhang, P.Li])
            .ShouldFail("penalty.not_case_officer");
        b.Case.AvailableSteps(wang).ShouldBeEmpty();
        b.Case.AvailableSteps(P.ZhangActs).ShouldContain(PenaltyStep.RecordEvidence);
    }

    [Fact]
    public void FullGeneralProcedure_WhenEveryStepSucceeds_EndsArchivedWithOneHistoryEntryPerStep()
    {
        var b = CaseBuilder.ServedWithFine("2024-03-01");
        b.Case.RecordPayment(b.Ctx, P.ZhangActs, P.D("2024-03-10"), 1000m, "NO.001").ShouldSucceed();
        b.Case.Close(b.Ctx, P.Head, P.D("2024-03-11"), ClosingReason.Executed, null).ShouldSucceed();
        b.Case.Archive(b.Ctx, P.LiActs, P.D("2024-03-12")).ShouldSucceed();

        b.Case.Stage.ShouldBe(PenaltyStage.Archived);
        b.Case.History.Select(h => h.Step).ShouldBe([
            PenaltyStep.ApproveFiling, PenaltyStep.RecordEvidence, PenaltyStep.Notify, PenaltyStep.RecordWaiver, PenaltyStep.Decide,
            PenaltyStep.Serve, PenaltyStep.RecordPayment, PenaltyStep.Close, PenaltyStep.Archive,
        ]);
        b.Case.History[0].From.ShouldBeNull();
        b.Case.History[^1].UserName.ShouldBe("li");
    }
}
