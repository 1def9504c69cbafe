using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Net.Http.Headers;
using Zhifa.Data.Accounts;
using Zhifa.Data.Records;
using Zhifa.Data.Storage;
using Zhifa.Domain.Records;
using Zhifa.Web;

namespace Zhifa.Records;

/// <summary>The multipart form of an upload (for the API description): the file, its kind and a description.</summary>
public sealed record EvidenceUploadForm(IFormFile File, string Kind, string? Description);

/// <summary>
/// <c>POST /api/v1/cases/{id}/evidence</c>: streams the file into the evidence store (hashing it on the way, never
/// holding it in memory), then writes the <c>evidence_files</c> row and the <c>evidence.added</c> entry in one
/// transaction. Officers and administrators of the case's own agency may upload; the supervision office only reads.
/// </summary>
public sealed class EvidenceUpload(ZhifaDbContext db, CallerScope scope, RecordQueries queries, IEvidenceStore store,
    EvidenceStoreOptions options, TimeProvider clock)
{
    private const int MaxFieldChars = 4000;

    public async Task<Outcome<EvidenceView>> AddAsync(long caseId, HttpRequest request, CancellationToken ct = default)
    {
        if (await MayUploadAsync(caseId, ct) is { } denied)
            return denied;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Length == 0)
            return AppError.Invalid("file", "evidence.not_multipart", "请以 multipart/form-data 上传:file(证据文件)、kind(证据类型)、description(说明)");

        // The store enforces the configured limit on the file itself; the request may carry the form fields besides.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = options.MaxBytes + 1024 * 1024;

        var form = await ReadFormAsync(request, HeaderUtilities.RemoveQuotes(type.Boundary).ToString(), ct);
        if (form.Blob is { IsSuccess: false } refused)
            return refused.Error.Code == "evidence.too_large"
                ? new AppError(FailureKind.TooLarge, refused.Error.Code, refused.Error.Message)
                : AppError.Invalid("file", refused.Error.Code, refused.Error.Message);
        var errors = new Dictionary<string, string[]>();
        if (form.Blob is null)
            errors["file"] = ["请选择要上传的证据文件(表单字段 file)"];
        if (form.TooManyFiles)
            errors["file"] = ["一次只能上传一个证据文件"];
        if (!EvidenceKinds.TryParse(form.Kind, out var kind))
            errors["kind"] = [$"证据类型应为:{EvidenceKinds.Choices}"];
        var description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        if (description is { Length: > EvidenceFile.MaxDescriptionLength })
            errors["description"] = [$"说明不能超过 {EvidenceFile.MaxDescriptionLength} 个字符"];
        if (errors.Count > 0)
            return AppError.Invalid(errors);

        var details = new EvidenceDetails(form.FileName, form.ContentType, kind, description);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var added = await EvidenceRecord.AddAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), caseId, form.Blob!.Value,
            details, scope.UserName!, clock.GetUtcNow(), ct);
        if (!added.IsSuccess)
            return AppError.Rule(added.Error);
        await tx.CommitAsync(ct);
        return RecordQueries.ToView(added.Value);
    }

    /// <summary>
    /// The files of the case page's 调查取证 form (ADR-013): each checked before anything is stored (not empty, within the
    /// configured size, a refusal naming the field 证据文件 and the file), then streamed into the evidence store and
    /// recorded (<c>evidence_files</c> and an <c>evidence.added</c> entry each) in one transaction. The kind follows the
    /// file's type (照片、录音、录像、文书、其他); the description is the evidence item's.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<EvidenceView>>> AddFilesAsync(long caseId, IReadOnlyList<IFormFile> files, string? description,
        CancellationToken ct = default)
    {
        if (await MayUploadAsync(caseId, ct) is { } denied)
            return denied;
        var limitMb = options.MaxBytes / (1024 * 1024);
        var errors = files.Select(f => f.Length == 0 ? $"证据文件\"{f.FileName}\"是空文件"
                : f.Length > options.MaxBytes ? $"证据文件\"{f.FileName}\"超过大小上限 {limitMb} MB,未保存"
                : null)
            .OfType<string>().ToArray();
        if (errors.Length > 0)
            return AppError.Invalid(new Dictionary<string, string[]> { ["files"] = errors });
        var text = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (text is { Length: > EvidenceFile.MaxDescriptionLength })
            text = text[..EvidenceFile.MaxDescriptionLength];

        var stored = new List<(StoredBlob Blob, EvidenceDetails Details)>();
        foreach (var f in files)
        {
            await using var content = f.OpenReadStream();
            var blob = await store.SaveAsync(content, ct);
            if (!blob.IsSuccess)
                return AppError.Invalid(new Dictionary<string, string[]> { ["files"] = [$"证据文件\"{f.FileName}\":{blob.Error.Message}"] });
            var name = Path.GetFileName(f.FileName.Replace('\\', '/')).Trim();
            var type = CleanContentType(f.ContentType);
            stored.Add((blob.Value, new EvidenceDetails(CleanFileName(name), type, KindOf(type), text)));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var views = new List<EvidenceView>();
        foreach (var (blob, details) in stored)
        {
            var added = await EvidenceRecord.AddAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), caseId, blob, details,
                scope.UserName!, clock.GetUtcNow(), ct);
            if (!added.IsSuccess)
                return AppError.Rule(added.Error);
            views.Add(RecordQueries.ToView(added.Value));
        }
        await tx.CommitAsync(ct);
        return views;
    }

    /// <summary>The kind of evidence a file's type says it is.</summary>
    public static Domain.Records.EvidenceKind KindOf(string contentType) => contentType switch
    {
        _ when contentType.StartsWith("image/", StringComparison.Ordinal) => Domain.Records.EvidenceKind.Photo,
        _ when contentType.StartsWith("audio/", StringComparison.Ordinal) => Domain.Records.EvidenceKind.Audio,
        _ when contentType.StartsWith("video/", StringComparison.Ordinal) => Domain.Records.EvidenceKind.Video,
        "application/pdf" or "application/msword" or "application/vnd.ms-excel" or "application/rtf" or "application/vnd.ms-works"
            => Domain.Records.EvidenceKind.Document,
        _ when contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.StartsWith("application/vnd.openxmlformats-officedocument.", StringComparison.Ordinal)
            => Domain.Records.EvidenceKind.Document,
        _ => Domain.Records.EvidenceKind.Other,
    };

    /// <summary>Null when the caller may upload to the case: an officer or administrator of its agency (404 for a case not seen, 403 for the supervision office).</summary>
    private async Task<AppError?> MayUploadAsync(long caseId, CancellationToken ct)
    {
        var found = await queries.VisibleCaseAsync(caseId, ct);
        if (!found.IsSuccess)
            return found.Error;
        if (scope.Role is not (Roles.Officer or Roles.AgencyAdmin) || scope.AgencyId != found.Value.AgencyId || scope.UserName is null)
            return AppError.Forbidden("只有办案机关的执法人员或机关管理员可以上传证据;执法监督机构只能查看");
        return null;
    }

    private sealed class Form
    {
        public Domain.Common.Result<StoredBlob>? Blob { get; set; }
        public bool TooManyFiles { get; set; }
        public string FileName { get; set; } = "";
        public string ContentType { get; set; } = "application/octet-stream";
        public string? Kind { get; set; }
        public string? Description { get; set; }
    }

    private async Task<Form> ReadFormAsync(HttpRequest request, string boundary, CancellationToken ct)
    {
        var form = new Form();
        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            // IsFormDisposition() means "form-data without a file name", so the type is compared instead.
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
            if (disposition.IsFileDisposition())
            {
                if (name != "file")
                    continue;
                if (form.Blob is not null)
                {
                    form.TooManyFiles = true;
                    continue;
                }
                form.Blob = await store.SaveAsync(section.Body, ct);
                if (!form.Blob.IsSuccess)
                    return form;
                form.FileName = CleanFileName(disposition);
                form.ContentType = CleanContentType(section.ContentType);
            }
            else if (name is "kind" or "description")
            {
                using var text = new StreamReader(section.Body, Encoding.UTF8);
                var buffer = new char[MaxFieldChars + 1];
                var read = await text.ReadBlockAsync(buffer, ct);
                var value = new string(buffer, 0, read);
                if (name == "kind")
                    form.Kind = value;
                else
                    form.Description = value;
            }
        }
        return form;
    }

    private static string CleanFileName(ContentDispositionHeaderValue d)
    {
        var raw = HeaderUtilities.RemoveQuotes(d.FileNameStar.HasValue ? d.FileNameStar : d.FileName).ToString();
        return CleanFileName(Path.GetFileName(raw.Replace('\\', '/')).Trim());
    }

    private static string CleanFileName(string name)
    {
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        if (name.Length == 0)
            name = "未命名文件";
        return name.Length <= EvidenceFile.MaxFileNameLength ? name : name[..EvidenceFile.MaxFileNameLength];
    }

    private static string CleanContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var t) && t.MediaType.Length <= EvidenceFile.MaxContentTypeLength
            ? t.MediaType.ToString().ToLowerInvariant()
            : "application/octet-stream";
}
