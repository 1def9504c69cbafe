using Zhifa.Domain.Rectifications;

namespace Zhifa.Tests.Rectifications;

/// <summary>The transition table of 整改 and the overdue rule (ADR-020).</summary>
public sealed class RectificationTransitionsTests
{
    [Theory]
    [InlineData(RectificationStatus.Issued, RectificationAction.Answer, RectificationStatus.Answered)]
    [InlineData(RectificationStatus.Returned, RectificationAction.Answer, RectificationStatus.Answered)]
    [InlineData(RectificationStatus.Answered, RectificationAction.Accept, RectificationStatus.Accepted)]
    [InlineData(RectificationStatus.Answered, RectificationAction.Return, RectificationStatus.Returned)]
    public void Apply_WhenTheTableAllowsIt_GivesTheNextState(RectificationStatus from, RectificationAction action, RectificationStatus to) =>
        RectificationTransitions.Apply(from, action, "执法监督整改〔2026〕1号").Value.ShouldBe(to);

    [Fact]
    public void Apply_WhenTheTableHasNoRow_IsRefusedNamingTheState()
    {
        var allowed = new HashSet<(RectificationStatus, RectificationAction)>
        {
            (RectificationStatus.Issued, RectificationAction.Answer), (RectificationStatus.Returned, RectificationAction.Answer),
            (RectificationStatus.Answered, RectificationAction.Accept), (RectificationStatus.Answered, RectificationAction.Return),
        };
        foreach (var from in Enum.GetValues<RectificationStatus>())
            foreach (var action in Enum.GetValues<RectificationAction>().Where(a => !allowed.Contains((from, a))))
            {
                var refused = RectificationTransitions.Apply(from, action, "执法监督整改〔2026〕1号");
                refused.IsSuccess.ShouldBeFalse($"{from} {action}");
                refused.Error.Code.ShouldBe("rectification.state");
                refused.Error.Message.ShouldContain(from.ToChinese());
            }
    }

    [Theory]
    [InlineData(RectificationStatus.Issued, -1, true)]
    [InlineData(RectificationStatus.Answered, -1, true)]
    [InlineData(RectificationStatus.Returned, -30, true)]
    [InlineData(RectificationStatus.Accepted, -30, false)]
    [InlineData(RectificationStatus.Issued, 0, false)]
    public void IsOverdue_WhenTheDeadlineHasPassedAndNotAccepted(RectificationStatus status, int deadlineFromToday, bool overdue)
    {
        var today = new DateOnly(2026, 3, 10);
        RectificationTransitions.IsOverdue(status, today.AddDays(deadlineFromToday), today).ShouldBe(overdue);
    }

    [Fact]
    public void Settings_WhenValuesAreWrong_NameEachProblem_AndNumberLikeADocumentNumber()
    {
        new RectificationSettings().Number(2026, 12).ShouldBe("执法监督整改〔2026〕12号");
        new RectificationSettings { DefaultDeadlineWorkingDays = 0, NumberPrefix = "整改-1", OfficeName = " " }.Problems().Count.ShouldBe(3);
        new RectificationSettings().Problems().ShouldBeEmpty();
    }
}
