using Microsoft.AspNetCore.Http.Extensions;

namespace Zhifa.Web;

/// <summary>Page links for the list pages, keeping the other query parameters (filters).</summary>
public sealed record Pager(int Page, int PageSize, int Total, IQueryCollection Query)
{
    public const int Size = 50;

    public static readonly Pager Empty = new(1, Size, 0, new QueryCollection());

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static Paging Paging(int? page) => new(Math.Max(1, page ?? 1), Size);

    /// <summary>
    /// A list page's load: the page asked for, the query's rows (none when it refused, its message then being the
    /// page's error) and the pager over them.
    /// </summary>
    public static async Task<(PageOf<T> List, string? Error, Pager Pager)> LoadAsync<T>(int? page, IQueryCollection query,
        Func<Paging, Task<Outcome<PageOf<T>>>> load)
    {
        var paging = Paging(page);
        var outcome = await load(paging);
        var list = outcome.IsSuccess ? outcome.Value : new PageOf<T>([], 0);
        return (list, outcome.IsSuccess ? null : outcome.Error.Message, new Pager(paging.Page, paging.PageSize, list.Total, query));
    }

    public string Link(int page)
    {
        var q = new QueryBuilder(Query.Where(kv => kv.Key != "page").SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? ""))))
        {
            { "page", page.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return q.ToString();
    }
}
