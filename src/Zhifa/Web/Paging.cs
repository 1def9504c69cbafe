namespace Zhifa.Web;

/// <summary>A page of a list: <c>{"items": [...], "total": n}</c> (api.md).</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total);

public sealed record Paging(int Page, int PageSize)
{
    public const int MaxPageSize = 500;

    public int Skip => (Page - 1) * PageSize;

    public static Outcome<Paging> Create(int? page, int? pageSize, int defaultSize = 50)
    {
        var p = page ?? 1;
        var s = pageSize ?? defaultSize;
        if (p < 1)
            return AppError.Invalid("page", "paging.page", "page 应为不小于 1 的整数");
        if (s < 1 || s > MaxPageSize)
            return AppError.Invalid("pageSize", "paging.page_size", $"pageSize 应在 1 到 {MaxPageSize} 之间");
        return new Paging(p, s);
    }
}
