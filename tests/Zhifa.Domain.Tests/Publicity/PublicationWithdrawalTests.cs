using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Publicity;

namespace Zhifa.Domain.Tests.Publicity;

public class PublicationWithdrawalTests
{
    private static readonly DateOnly Today = new(2024, 6, 20);
    private static readonly DateTimeOffset Now = new(2024, 6, 20, 9, 0, 0, TimeSpan.FromHours(8));

    private static EnforcementCase Decision(DateOnly? publishedOn, ProcedureType procedure = ProcedureType.General)
    {
        var c = new EnforcementCase("HD2024001", 1, PowerCategory.Penalty, 1, new DateOnly(2024, 3, 1));
        c.SetDetails(procedure, PartyType.LegalPerson, "鑫盛公司", null, 5000m, new DateOnly(2024, 4, 1), publishedOn, null, "罚款");
        return c;
    }

    [Fact]
    public void Record_WhenPublished_KeepsChangeDateReasonAndToday()
    {
        var w = PublicationWithdrawal.Record(Decision(new DateOnly(2024, 4, 8)), false, new DateOnly(2024, 6, 18), "复议决定撤销", Today, "adminA", Now);

        w.IsSuccess.ShouldBeTrue();
        w.Value.ChangedOn.ShouldBe(new DateOnly(2024, 6, 18));
        w.Value.WithdrawnOn.ShouldBe(Today);
        w.Value.Reason.ShouldBe("复议决定撤销");
        w.Value.RecordedBy.ShouldBe("adminA");
    }

    [Fact]
    public void Record_WhenNeverPublished_IsRefused()
    {
        PublicationWithdrawal.Record(Decision(null), false, Today, "撤销", Today, "a", Now).Error!.Code.ShouldBe("publicity.not_published");
    }

    [Fact]
    public void Record_WhenSummaryProcedure_IsRefused()
    {
        PublicationWithdrawal.Record(Decision(new DateOnly(2024, 4, 8), ProcedureType.Summary), false, Today, "撤销", Today, "a", Now)
            .Error!.Code.ShouldBe("publicity.not_published");
    }

    [Fact]
    public void Record_WhenAlreadyWithdrawn_IsRefused()
    {
        PublicationWithdrawal.Record(Decision(new DateOnly(2024, 4, 8)), true, Today, "撤销", Today, "a", Now).Error!.Code.ShouldBe("publicity.already_withdrawn");
    }

    [Fact]
    public void Record_WhenChangedBeforeTheDecision_IsRefused()
    {
        PublicationWithdrawal.Record(Decision(new DateOnly(2024, 4, 8)), false, new DateOnly(2024, 3, 31), "撤销", Today, "a", Now)
            .Error!.Code.ShouldBe("publicity.change_before_decision");
    }
}
