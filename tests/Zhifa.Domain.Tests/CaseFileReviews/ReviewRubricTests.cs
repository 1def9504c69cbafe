using Zhifa.Domain.CaseFileReviews;

namespace Zhifa.Domain.Tests.CaseFileReviews;

public sealed class ReviewRubricTests
{
    [Fact]
    public void Default_CoversTheSevenAreas_AndTotals100()
    {
        ReviewRubric.Default.Total.ShouldBe(100m);
        ReviewRubric.Default.Items.Select(i => i.Area).Distinct().ShouldBe(ReviewRubric.DefaultAreas);
        ReviewRubric.Problems(ReviewRubric.Default.Items).ShouldBeEmpty();
    }

    [Fact]
    public void Problems_NameTheFieldOfEachWrongItem()
    {
        var problems = ReviewRubric.Problems([new("A1", "主体", "甲", 5m), new("A1", "", "乙", 0m), new("b c", "程序", "", 2.25m)]);

        problems.Select(p => p.Field).ShouldBe(["rubric[1].code", "rubric[1].area", "rubric[1].maxPoints", "rubric[2].code", "rubric[2].title", "rubric[2].maxPoints"]);
        ReviewRubric.Problems([]).Single().Field.ShouldBe("rubric");
    }

    [Fact]
    public void Points_WithinTheItemsMaximum()
    {
        var item = ReviewRubric.Default.Find("SS1")!;
        ReviewRubric.CheckPoints(item, 10m).ShouldBeNull();
        ReviewRubric.CheckPoints(item, 0m).ShouldBeNull();
        ReviewRubric.CheckPoints(item, 7.5m).ShouldBeNull();
        ReviewRubric.CheckPoints(item, 10.5m)!.Code.ShouldBe("review.points_out_of_range");
        ReviewRubric.CheckPoints(item, -1m).ShouldNotBeNull();
        ReviewRubric.CheckPoints(item, 7.25m).ShouldNotBeNull();
    }

    [Fact]
    public void Percent_OfARubricNotTotalling100()
    {
        var rubric = new ReviewRubric([new("A", "主体", "甲", 30m), new("B", "程序", "乙", 20m)]);
        rubric.Percent(45m).ShouldBe(90m);
        rubric.Percent(33.3m).ShouldBe(66.6m);
    }

    [Theory]
    [InlineData(100, ReviewGrade.Excellent)]
    [InlineData(90, ReviewGrade.Excellent)]
    [InlineData(89.9, ReviewGrade.Good)]
    [InlineData(80, ReviewGrade.Good)]
    [InlineData(60, ReviewGrade.Pass)]
    [InlineData(59.9, ReviewGrade.Fail)]
    public void Grade_ByTheDefaultThresholds(double percent, ReviewGrade grade) =>
        GradeScale.Default.Grade((decimal)percent).ShouldBe(grade);

    [Fact]
    public void GradeScale_IsConfigurable_AndMustDescend()
    {
        var scale = GradeScale.Create(95m, 85m, 70m).Value;
        scale.Grade(92m).ShouldBe(ReviewGrade.Good);
        scale.Grade(69m).ShouldBe(ReviewGrade.Fail);
        GradeScale.Create(80m, 85m, 60m).Error!.Code.ShouldBe("review.grade_order");
        GradeScale.Create(120m, null, null).Error!.Code.ShouldBe("review.grade_threshold");
        ReviewGrade.Excellent.ToChinese().ShouldBe("优秀");
        ReviewGrade.Fail.ToChinese().ShouldBe("不合格");
    }
}

public sealed class ReviewBatchTransitionsTests
{
    [Fact]
    public void Finish_WhenEveryFileIsScored_FinishesTheBatch() =>
        ReviewBatchTransitions.Finish(ReviewBatchStatus.Open, "评查", []).Value.ShouldBe(ReviewBatchStatus.Finished);

    [Fact]
    public void Finish_WhenFilesAreUnscored_IsRefusedNamingThem()
    {
        var refused = ReviewBatchTransitions.Finish(ReviewBatchStatus.Open, "评查", ["甲1", "甲2"]).Error!;
        refused.Code.ShouldBe("review.unscored");
        refused.Message.ShouldContain("甲1、甲2");
    }

    [Fact]
    public void FinishedBatch_TakesNoMoreScoresAndCannotFinishAgain()
    {
        ReviewBatchTransitions.Record(ReviewBatchStatus.Finished, "评查")!.Code.ShouldBe("review.finished");
        ReviewBatchTransitions.Record(ReviewBatchStatus.Open, "评查").ShouldBeNull();
        ReviewBatchTransitions.Finish(ReviewBatchStatus.Finished, "评查", []).Error!.Code.ShouldBe("review.finished");
    }
}
