using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Domain.Tests.PenaltyCases;

public class ServiceAndExecutionTests
{
    private static CaseBuilder DecidedOn27September() =>
        CaseBuilder.Filed("2024-09-20").Notified("2024-09-20").Waived("2024-09-20").Decided("2024-09-27");

    [Fact]
    public void Serve_WhenOnTheSeventhWorkingDayAcrossNationalDay_IsNotLate()
    {
        // 2024-09-27 + 7 working days = 2024-10-12, a Saturday made a working day.
        var b = DecidedOn27September();

        b.Case.Serve(b.Ctx, P.ZhangActs, P.D("2024-10-12"), ServiceMethod.Mail).ShouldSucceed();

        b.Case.Stage.ShouldBe(PenaltyStage.Served);
        b.Case.ServiceDueOn.ShouldBe(P.D("2024-10-12"));
        b.Case.ServedLate.ShouldBeFalse();
    }

    [Fact]
    public void Serve_WhenAfterTheSeventhWorkingDay_IsAcceptedButRecordedLate()
    {
        var b = DecidedOn27September();

        b.Case.Serve(b.Ctx, P.ZhangActs, P.D("2024-10-14"), ServiceMethod.Mail).ShouldSucceed();

        b.Case.ServedLate.ShouldBeTrue();
    }

    [Fact]
    public void Serve_WhenAtAnnouncementOnAnotherDay_IsRefused()
    {
        var b = DecidedOn27September();

        b.Case.Serve(b.Ctx, P.ZhangActs, P.D("2024-09-28"), ServiceMethod.AtAnnouncement).ShouldFail("penalty.announcement_same_day");
        b.Case.Serve(b.Ctx, P.ZhangActs, P.D("2024-09-26"), ServiceMethod.Direct).ShouldFail("penalty.date_order");
    }

    [Theory]
    [InlineData("2024-03-18", 0)]       // due date: 03-01 + 15 = 03-16, a Saturday, moved to Monday
    [InlineData("2024-03-19", 30.00)]   // one day late: 3% of 1000
    [InlineData("2024-04-20", 990.00)]  // 33 days
    [InlineData("2024-04-21", 1000.00)] // 34 days = 1020.00, capped at the fine
    [InlineData("2024-05-01", 1000.00)] // 44 days = 1320.00, capped at the fine
    public void Surcharge_WhenUnpaid_IsThreePercentPerDayCappedAtTheFine(string asOf, decimal expected)
    {
        var b = CaseBuilder.ServedWithFine("2024-03-01");

        b.Case.PaymentSchedule(P.Calendar, PenaltyRules.Default).ShouldHaveSingleItem().DueOn.ShouldBe(P.D("2024-03-18"));
        b.Case.Surcharge(P.Calendar, PenaltyRules.Default, P.D(asOf)).ShouldBe(expected);
    }

    [Fact]
    public void Close_WhenFinePaidLateButSurchargeOwed_IsRefusedUntilPaid()
    {
        var b = CaseBuilder.ServedWithFine("2024-03-01");
        b.Case.RecordPayment(b.Ctx, P.ZhangActs, P.D("2024-03-25"), 1000m, null).ShouldSucceed();

        b.Case.Stage.ShouldBe(PenaltyStage.Executing);
        b.Case.Surcharge(P.Calendar, PenaltyRules.Default, P.D("2024-04-30")).ShouldBe(210m); // stops when the fine is paid
        var error = b.Case.Close(b.Ctx, P.Head, P.D("2024-03-26"), ClosingReason.Executed, null);
        error.ShouldFail("penalty.fine_outstanding");
        error!.Message.ShouldContain("210.00元");

        b.Case.RecordPayment(b.Ctx, P.ZhangActs, P.D("2024-03-26"), 210m, "加处罚款").ShouldSucceed();
        b.Case.Close(b.Ctx, P.Head, P.D("2024-03-26"), ClosingReason.Executed, null).ShouldSucceed();
    }

    [Fact]
    public void RecordPayment_WhenMoreThanOwed_IsRefused()
    {
        var b = CaseBuilder.ServedWithFine("2024-03-01");

        b.Case.RecordPayment(b.Ctx, P.ZhangActs, P.D("2024-03-10"), 1000.01m, null).ShouldFail("penalty.overpayment");
        b.Case.RecordPayment(b.Ctx, P.ZhangActs, P.D("2024-02-29"), 100m, null).ShouldFail("penalty.date_order");
        b.Case.RecordPayment(b.Ctx, P.ZhangActs, P.D("2024-03-10"), 400m, null).ShouldSucceed();
        b.Case.RecordPayment(b.Ctx, P.ZhangActs, P.D("2024-03-09"), 100m, null).ShouldFail("penalty.date_order");
        b.Case.Paid.ShouldBe(400m);
    }

    [Fact]
    public void RecordPayment_WhenDecisionHasNoFine_IsRefused()
    {
        var b = CaseBuilder.Filed().Notified("2024-03-05", null).Waived("2024-03-05").Decided("2024-03-06", null).Served("2024-03-06");

        b.Case.RecordPayment(b.Ctx, P.ZhangActs, P.D("2024-03-07"), 10m, null).ShouldFail("penalty.no_fine");
        b.Case.Close(b.Ctx, P.Head, P.D("2024-03-07"), ClosingReason.Executed, null).ShouldSucceed();
    }

    [Fact]
    public void Surcharge_WhenReconsiderationPending_DaysInsideAreNotCounted()
    {
        var b = CaseBuilder.ServedWithFine("2024-03-01");
        b.Case.StartAppeal(b.Ctx, P.ZhangActs, AppealKind.Reconsideration, P.D("2024-03-20"), "向区政府申请行政复议").ShouldSucceed();

        b.Case.Surcharge(P.Calendar, PenaltyRules.Default, P.D("2024-05-01")).ShouldBe(30m); // only 03-19
        b.Case.EndAppeal(b.Ctx, P.ZhangActs, P.D("2024-04-10")).ShouldSucceed();

        b.Case.Surcharge(P.Calendar, PenaltyRules.Default, P.D("2024-04-12")).ShouldBe(90m); // 03-19, 04-11, 04-12
        b.Case.StartAppeal(b.Ctx, P.ZhangActs, AppealKind.Litigation, P.D("2024-04-05"), "起诉").ShouldFail("penalty.appeal_overlap");
        b.Case.EndAppeal(b.Ctx, P.ZhangActs, P.D("2024-04-11")).ShouldFail("penalty.no_open_appeal");
    }

    [Fact]
    public void ApproveInstalments_WhenApprovedBeforeTheDueDate_EachInstalmentCarriesItsOwnSurcharge()
    {
        var b = CaseBuilder.ServedWithFine("2024-03-01");

        b.Case.ApproveInstalments(b.Ctx, P.Head, P.D("2024-03-10"), [new(P.D("2024-04-15"), 500m), new(P.D("2024-05-15"), 500m)]).ShouldSucceed();
        b.Case.RecordPayment(b.Ctx, P.ZhangActs, P.D("2024-04-20"), 500m, null).ShouldSucceed();

        b.Case.Arrangement.ShouldBe(PaymentArrangement.Instalments);
        b.Case.Surcharge(P.Calendar, PenaltyRules.Default, P.D("2024-05-15")).ShouldBe(75m); // 500 × 3% × 5 days
        b.Case.Surcharge(P.Calendar, PenaltyRules.Default, P.D("2024-05-16")).ShouldBe(90m); // + 500 × 3% × 1 day
    }

    [Fact]
    public void ApproveInstalments_WhenInvalid_IsRefused()
    {
        var b = CaseBuilder.ServedWithFine("2024-03-01");
        Instalment[] plan = [new(P.D("2024-04-15"), 500m), new(P.D("2024-05-15"), 500m)];

        b.Case.ApproveInstalments(b.Ctx, P.ZhangActs, P.D("2024-03-10"), plan).ShouldFail("penalty.wrong_role");
        b.Case.ApproveInstalments(b.Ctx, P.Head, P.D("2024-03-19"), plan).ShouldFail("penalty.arrangement_too_late");
        b.Case.ApproveInstalments(b.Ctx, P.Head, P.D("2024-03-10"), [new(P.D("2024-04-15"), 1000m)]).ShouldFail("penalty.instalments_too_few");
        b.Case.ApproveInstalments(b.Ctx, P.Head, P.D("2024-03-10"), [new(P.D("2024-04-15"), 500m), new(P.D("2024-05-15"), 400m)])
            .ShouldFail("penalty.instalments_sum");
        b.Case.Arrangement.ShouldBe(PaymentArrangement.Statutory);
    }

    [Fact]
    public void ApproveDeferral_WhenApproved_MovesTheDueDate()
    {
        var b = CaseBuilder.ServedWithFine("2024-03-01");

        b.Case.ApproveDeferral(b.Ctx, P.Head, P.D("2024-03-18"), P.D("2024-03-18")).ShouldFail("penalty.deferral_not_later");
        b.Case.ApproveDeferral(b.Ctx, P.Head, P.D("2024-03-18"), P.D("2024-04-30")).ShouldSucceed();

        b.Case.Surcharge(P.Calendar, PenaltyRules.Default, P.D("2024-04-30")).ShouldBe(0m);
        b.Case.Surcharge(P.Calendar, PenaltyRules.Default, P.D("2024-05-01")).ShouldBe(30m);
    }

    [Fact]
    public void Close_WhenCourtEnforcementBeforeTheDueDate_IsRefused()
    {
        var b = CaseBuilder.ServedWithFine("2024-03-01");

        b.Case.Close(b.Ctx, P.Head, P.D("2024-03-18"), ClosingReason.CourtEnforcement, null).ShouldFail("penalty.close_reason_not_allowed");
        b.Case.Close(b.Ctx, P.Head, P.D("2024-06-01"), ClosingReason.CourtEnforcement, "已申请区人民法院强制执行").ShouldSucceed();
        b.Case.ClosingReason.ShouldBe(ClosingReason.CourtEnforcement);
    }

    [Fact]
    public void Close_WhenBeforeDecision_OnlyTransferOrRevocationWithANote()
    {
        var b = CaseBuilder.Filed().Evidence("2024-03-02");

        b.Case.Close(b.Ctx, P.Head, P.D("2024-03-05"), ClosingReason.Executed, "x").ShouldFail("penalty.close_reason_not_allowed");
        b.Case.Close(b.Ctx, P.Head, P.D("2024-03-05"), ClosingReason.TransferredToJudiciary, null).ShouldFail("penalty.text_required");
        b.Case.Close(b.Ctx, P.Head, P.D("2024-03-05"), ClosingReason.TransferredToJudiciary, "涉嫌生产销售伪劣产品罪，移送公安机关").ShouldSucceed();
        b.Case.Stage.ShouldBe(PenaltyStage.Closed);
    }

    [Fact]
    public void Archive_WhenNotClosedOrBeforeClosing_IsRefused()
    {
        var b = CaseBuilder.Filed();
        b.Case.Archive(b.Ctx, P.Head, P.D("2024-03-05")).ShouldFail("penalty.step_out_of_order");
        b.Case.Close(b.Ctx, P.Head, P.D("2024-03-05"), ClosingReason.FilingRevoked, "立案依据不足").ShouldSucceed();

        b.Case.Archive(b.Ctx, P.Head, P.D("2024-03-04")).ShouldFail("penalty.date_order");
        b.Case.Archive(b.Ctx, P.Head, P.D("2024-03-05")).ShouldSucceed();
        b.Case.ArchivedOn.ShouldBe(P.D("2024-03-05"));
    }
}
