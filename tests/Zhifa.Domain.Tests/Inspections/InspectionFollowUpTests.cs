using Zhifa.Domain.Inspections;

namespace Zhifa.Domain.Tests.Inspections;

public class InspectionFollowUpTests
{
    private static readonly DateOnly Deadline = I.Day.AddDays(-5);

    [Fact]
    public void RecordRectification_WithinTheDeadline_ClosesTheInspection()
    {
        var inspection = I.Record(I.Input(result: InspectionResult.Rectify, deadline: I.Day.AddDays(10), on: I.Day.AddDays(-3))).Value;

        inspection.RecordRectification(I.Clock, I.Day, " 已补办健康证明 ").ShouldBeNull();

        inspection.RectifiedOn.ShouldBe(I.Day);
        inspection.RectificationNote.ShouldBe("已补办健康证明");
        inspection.ClosedOn.ShouldBe(I.Day);
        inspection.RectifiedLate.ShouldBeFalse();
        inspection.StatusOn(I.Day).ShouldBe(InspectionStatus.Rectified);
    }

    [Fact]
    public void RecordRectification_AfterTheDeadline_IsRecordedAsLate()
    {
        var inspection = I.Record(I.Input(result: InspectionResult.Rectify, deadline: Deadline, on: I.Day.AddDays(-20))).Value;

        inspection.RecordRectification(I.Clock, I.Day, "已整改").ShouldBeNull();

        inspection.RectifiedLate.ShouldBeTrue();
    }

    [Fact]
    public void RecordRectification_Twice_IsRefused()
    {
        var inspection = I.Record(I.Input(result: InspectionResult.Rectify, deadline: I.Day.AddDays(10), on: I.Day.AddDays(-3))).Value;
        inspection.RecordRectification(I.Clock, I.Day, "已整改").ShouldBeNull();

        inspection.RecordRectification(I.Clock, I.Day, "再次整改").ShouldFail("inspection.already_rectified");
        inspection.RectificationNote.ShouldBe("已整改");
    }

    [Fact]
    public void RecordRectification_OfAnInspectionWithoutRectification_IsRefused()
    {
        I.Recorded(InspectionResult.NoProblem).RecordRectification(I.Clock, I.Day, "已整改").ShouldFail("inspection.not_rectification");
    }

    [Fact]
    public void RecordRectification_BeforeTheInspectionOrInTheFutureOrWithoutNote_IsRefused()
    {
        var inspection = I.Record(I.Input(result: InspectionResult.Rectify, deadline: I.Day.AddDays(10), on: I.Day.AddDays(-3))).Value;

        inspection.RecordRectification(I.Clock, I.Day.AddDays(-4), "已整改").ShouldFail("inspection.date_before_inspection");
        inspection.RecordRectification(I.Clock, I.Day.AddDays(1), "已整改").ShouldFail("inspection.date_in_future");
        inspection.RecordRectification(I.Clock, I.Day, "").ShouldFail("inspection.note_required");
        inspection.RectifiedOn.ShouldBeNull();
    }

    [Fact]
    public void Refer_AReferralInspection_MarksItReferredOnce()
    {
        var inspection = I.Recorded(InspectionResult.Referral);
        inspection.StatusOn(I.Day).ShouldBe(InspectionStatus.AwaitingReferral);

        inspection.Refer(I.Clock, "offA", I.Day).ShouldBeNull();

        inspection.ReferredOn.ShouldBe(I.Day);
        inspection.ReferredBy.ShouldBe("offA");
        inspection.StatusOn(I.Day).ShouldBe(InspectionStatus.Referred);
        inspection.Refer(I.Clock, "offA", I.Day).ShouldFail("inspection.already_referred");
    }

    [Theory]
    [InlineData(InspectionResult.NoProblem)]
    [InlineData(InspectionResult.Rectify)]
    public void Refer_AnInspectionWithAnotherResult_IsRefused(InspectionResult result)
    {
        var inspection = I.Recorded(result, result == InspectionResult.Rectify ? I.Day.AddDays(10) : null);

        inspection.Refer(I.Clock, "offA", I.Day).ShouldFail("inspection.not_referral");
        inspection.ReferredOn.ShouldBeNull();
    }

    [Fact]
    public void Refer_DatedTomorrow_IsRefused()
    {
        I.Recorded(InspectionResult.Referral).Refer(I.Clock, "offA", I.Day.AddDays(1)).ShouldFail("inspection.date_in_future");
    }

    [Fact]
    public void LinkPenaltyCase_BeforeReferralOrToASecondCase_IsRefused()
    {
        var inspection = I.Recorded(InspectionResult.Referral);
        inspection.LinkPenaltyCase(7).ShouldFail("inspection.not_referred");

        inspection.Refer(I.Clock, "offA", I.Day).ShouldBeNull();
        inspection.LinkPenaltyCase(7).ShouldBeNull();
        inspection.LinkPenaltyCase(7).ShouldBeNull();

        inspection.LinkPenaltyCase(8).ShouldFail("inspection.penalty_case_linked");
        inspection.PenaltyCaseId.ShouldBe(7);
    }
}
