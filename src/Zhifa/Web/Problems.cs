using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Zhifa.Web;

/// <summary>
/// RFC 9457 problem details with a Chinese title and detail and a stable <c>code</c> (api.md). Everything the
/// API reports, whether from a service, a status code page or an unhandled exception, goes through here.
/// </summary>
public static class Problems
{
    public static (string Title, string Code, string Detail) Default(int status) => status switch
    {
        400 => ("请求无效", "request.malformed", "请求格式不正确,请检查参数和请求体"),
        401 => ("未登录", "auth.unauthenticated", "请先登录(POST /api/v1/auth/login)并在 Authorization 头中携带令牌"),
        403 => ("无权操作", "auth.forbidden", "当前账户的角色或所属机关无权执行此操作"),
        404 => ("未找到", "resource.not_found", "请求的资源不存在"),
        405 => ("方法不允许", "request.method_not_allowed", "该地址不支持此请求方法"),
        409 => ("冲突", "resource.conflict", "数据与现有记录冲突"),
        413 => ("内容过大", "request.too_large", "请求内容超过大小上限"),
        415 => ("不支持的内容类型", "request.unsupported_media_type", "请求体应为 application/json"),
        422 => ("业务规则不允许", "rule.broken", "该操作不符合业务规则"),
        _ => ("服务器内部错误", "internal", "服务器内部错误,请联系系统管理员"),
    };

    public static int Status(FailureKind kind) => kind switch
    {
        FailureKind.Invalid => StatusCodes.Status400BadRequest,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        FailureKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static IResult From(AppError error)
    {
        var status = Status(error.Kind);
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Field is not null && error.Kind == FailureKind.Invalid)
            return TypedResults.ValidationProblem(
                error.Errors?.ToDictionary() ?? new Dictionary<string, string[]> { [error.Field] = [error.Message] },
                detail: error.Message, title: "请求数据无效", extensions: extensions);
        // A rule that concerns one field (422) names it too, so a form can show the message beside the field.
        if (error.Field is not null && error.Kind == FailureKind.RuleBroken)
            extensions["errors"] = error.Errors?.ToDictionary() ?? new Dictionary<string, string[]> { [error.Field] = [error.Message] };
        return TypedResults.Problem(error.Message, statusCode: status, title: Default(status).Title, extensions: extensions);
    }

    public static IResult Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join(";", errors.SelectMany(e => e.Value)), title: "请求数据无效",
            extensions: new Dictionary<string, object?> { ["code"] = "request.invalid" });

    /// <summary>Fills the Chinese title, detail and code of problems the framework creates (status pages, exceptions).</summary>
    public static void Customize(ProblemDetailsContext ctx)
    {
        var p = ctx.ProblemDetails;
        var status = p.Status ?? ctx.HttpContext.Response.StatusCode;
        var (title, code, detail) = Default(status);
        if (!p.Extensions.ContainsKey("code"))
        {
            p.Extensions["code"] = code;
            p.Title = title;
            p.Detail ??= detail;
            if (ctx.Exception is BadHttpRequestException bad)
                p.Detail = "请求格式不正确:" + bad.Message;
            else if (ctx.Exception is not null)
                p.Detail = detail;
        }
        p.Extensions.Remove("traceId");
        p.Instance ??= ctx.HttpContext.Request.Path;
    }
}

/// <summary>The one exception handler (house style): a malformed request is 400, anything else a 500 without internals.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        if (status >= 500)
            log.LogError(exception, "Unhandled exception on {Path}", http.Request.Path);
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status },
        });
    }
}
