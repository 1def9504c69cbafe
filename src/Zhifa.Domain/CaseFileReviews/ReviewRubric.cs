using System.Text.RegularExpressions;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.CaseFileReviews;

/// <summary>One item of a scoring rubric (评查标准): a code, the area it belongs to (主体, 程序 …), what is checked and its points.</summary>
public sealed record RubricItem(string Code, string Area, string Title, decimal MaxPoints);

/// <summary>
/// The scoring rubric (评分细则) of a batch: items with their maximum points. A file's score is the sum of the points
/// given, as a percentage of the rubric's total, so a rubric need not total 100.
/// </summary>
public sealed partial record ReviewRubric(IReadOnlyList<RubricItem> Items)
{
    public const int MaxItems = 100;
    public const int MaxCodeLength = 32;
    public const int MaxAreaLength = 32;
    public const int MaxTitleLength = 200;
    public const decimal MaxItemPoints = 100m;

    /// <summary>The seven areas of the default rubric, in their order.</summary>
    public static readonly IReadOnlyList<string> DefaultAreas = ["主体", "事实证据", "程序", "法律适用", "裁量", "文书", "归档"];

    /// <summary>
    /// The default rubric (100 points), after the structure of provincial 行政处罚案卷评查标准: the seven areas and the
    /// points a deficiency there costs.
    /// </summary>
    public static readonly ReviewRubric Default = new([
        new("ZT1", "主体", "执法主体合法,案件在本机关法定职权范围内", 5m),
        new("ZT2", "主体", "执法人员具有执法资格,调查取证不少于两人并出示证件", 5m),
        new("SS1", "事实证据", "违法事实清楚,当事人认定准确", 10m),
        new("SS2", "事实证据", "证据确凿充分,证据之间能相互印证", 10m),
        new("SS3", "事实证据", "证据收集程序合法,形式要件齐全", 5m),
        new("CX1", "程序", "立案、调查、审批程序合法,期限符合规定", 8m),
        new("CX2", "程序", "履行告知义务,保障陈述、申辩和听证权利", 7m),
        new("CX3", "程序", "重大执法决定经法制审核或集体讨论", 5m),
        new("FL1", "法律适用", "适用法律、法规、规章正确", 10m),
        new("FL2", "法律适用", "引用条款具体、准确、完整", 5m),
        new("CL1", "裁量", "处罚种类和幅度符合裁量基准,过罚相当", 10m),
        new("WS1", "文书", "文书齐全、格式规范、内容完整", 6m),
        new("WS2", "文书", "送达程序合法,送达回证齐全", 4m),
        new("GD1", "归档", "卷宗按规定装订、编目,及时归档", 10m),
    ]);

    public decimal Total => Items.Sum(i => i.MaxPoints);

    public RubricItem? Find(string code) => Items.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex CodePattern();

    /// <summary>Every problem of a rubric as (field, message), with the field named as in the request (<c>rubric[2].maxPoints</c>).</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(IReadOnlyList<RubricItem> items)
    {
        var problems = new List<(string, string)>();
        if (items.Count == 0)
            problems.Add(("rubric", "评分细则至少应有一项"));
        if (items.Count > MaxItems)
            problems.Add(("rubric", $"评分细则不得超过 {MaxItems} 项"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"rubric[{i}]";
            if (string.IsNullOrEmpty(item.Code) || item.Code.Length > MaxCodeLength || !CodePattern().IsMatch(item.Code))
                problems.Add(($"{at}.code", $"评分项编码\"{item.Code}\"无效:应为不超过 {MaxCodeLength} 个字符的英文字母、数字,如 SS1"));
            else if (!seen.Add(item.Code))
                problems.Add(($"{at}.code", $"评分项编码\"{item.Code}\"重复"));
            if (string.IsNullOrWhiteSpace(item.Area) || item.Area.Length > MaxAreaLength)
                problems.Add(($"{at}.area", $"第 {i + 1} 项应写明评查方面(如 主体、程序),不超过 {MaxAreaLength} 个字符"));
            if (string.IsNullOrWhiteSpace(item.Title) || item.Title.Length > MaxTitleLength)
                problems.Add(($"{at}.title", $"第 {i + 1} 项应写明评查内容,不超过 {MaxTitleLength} 个字符"));
            if (item.MaxPoints <= 0m || item.MaxPoints > MaxItemPoints || decimal.Round(item.MaxPoints, 1) != item.MaxPoints)
                problems.Add(($"{at}.maxPoints", $"第 {i + 1} 项的分值应大于 0、不超过 {MaxItemPoints:0},最多一位小数"));
        }
        return problems;
    }

    /// <summary>The points given for an item: 0 … its maximum, at most one decimal.</summary>
    public static DomainError? CheckPoints(RubricItem item, decimal points) =>
        points < 0m || points > item.MaxPoints || decimal.Round(points, 1) != points
            ? new DomainError("review.points_out_of_range", $"评分项 {item.Code}({item.Title})的得分应在 0 到 {item.MaxPoints:0.#} 分之间,最多一位小数,实际为 {points:0.##}")
            : null;

    /// <summary>A file's score as a percentage of the rubric's total, rounded to one decimal (half away from zero).</summary>
    public decimal Percent(decimal points) => decimal.Round(points * 100m / Total, 1, MidpointRounding.AwayFromZero);
}
