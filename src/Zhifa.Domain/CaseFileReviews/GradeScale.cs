using Zhifa.Domain.Common;

namespace Zhifa.Domain.CaseFileReviews;

/// <summary>The grades (等次) of a review, best first.</summary>
public enum ReviewGrade
{
    Excellent,   // 优秀
    Good,        // 良好
    Pass,        // 合格
    Fail,        // 不合格
}

/// <summary>
/// Where the grades begin, on the percentage score: 优秀 from <see cref="ExcellentFrom"/>, 良好 from <see cref="GoodFrom"/>,
/// 合格 from <see cref="PassFrom"/>, below that 不合格. Defaults 90 / 80 / 60; each batch records its own.
/// </summary>
public sealed record GradeScale(decimal ExcellentFrom = 90m, decimal GoodFrom = 80m, decimal PassFrom = 60m)
{
    public static readonly GradeScale Default = new();

    public static Result<GradeScale> Create(decimal? excellentFrom, decimal? goodFrom, decimal? passFrom)
    {
        var scale = new GradeScale(excellentFrom ?? Default.ExcellentFrom, goodFrom ?? Default.GoodFrom, passFrom ?? Default.PassFrom);
        foreach (var v in new[] { scale.ExcellentFrom, scale.GoodFrom, scale.PassFrom })
            if (v < 0m || v > 100m || decimal.Round(v, 1) != v)
                return new DomainError("review.grade_threshold", "等次分数线应在 0 到 100 之间,最多一位小数");
        if (!(scale.ExcellentFrom > scale.GoodFrom && scale.GoodFrom > scale.PassFrom))
            return new DomainError("review.grade_order", $"等次分数线应为 优秀 > 良好 > 合格,实际为 {scale.ExcellentFrom:0.#} / {scale.GoodFrom:0.#} / {scale.PassFrom:0.#}");
        return scale;
    }

    public ReviewGrade Grade(decimal percent) =>
        percent >= ExcellentFrom ? ReviewGrade.Excellent
        : percent >= GoodFrom ? ReviewGrade.Good
        : percent >= PassFrom ? ReviewGrade.Pass
        : ReviewGrade.Fail;
}

public static class ReviewGrades
{
    public static string ToChinese(this ReviewGrade grade) => grade switch
    {
        ReviewGrade.Excellent => "优秀",
        ReviewGrade.Good => "良好",
        ReviewGrade.Pass => "合格",
        _ => "不合格",
    };
}
