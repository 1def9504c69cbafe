using Zhifa.Data.Records;
using Zhifa.Data.Storage;
using Zhifa.Web;

namespace Zhifa.Records;

/// <summary>The full-process record of a case (执法全过程记录, 行政处罚法 第四十七条) and its evidence files.</summary>
public static class RecordEndpoints
{
    /// <summary>The evidence store (local folder, configured by <see cref="EvidenceStoreOptions"/>) and the record services.</summary>
    public static IServiceCollection AddRecords(this IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        var options = EvidenceStoreOptions.For(target, configuration[EvidenceStoreOptions.FolderSetting], configuration[EvidenceStoreOptions.MaxMegabytesSetting]);
        services.AddSingleton(options);
        services.AddSingleton<IEvidenceStore>(new LocalFolderEvidenceStore(options));
        services.AddScoped<RecordQueries>();
        services.AddScoped<EvidenceUpload>();
        return services;
    }

    public static void MapRecords(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/cases/{id:long}").WithTags("执法全过程记录");
        g.MapGet("/record", async (long id, RecordQueries queries, CancellationToken ct) => (await queries.RecordAsync(id, ct)).ToHttp())
            .WithSummary("案件的执法全过程记录:按顺序列出每条记录及其哈希,并校验哈希链是否完整")
            .Produces<CaseRecordView>();
        g.MapGet("/evidence", async (long id, int? page, int? pageSize, RecordQueries queries, CancellationToken ct) =>
            {
                var paging = Paging.Create(page, pageSize);
                return paging.IsSuccess ? (await queries.EvidenceAsync(id, paging.Value, ct)).ToHttp() : Problems.From(paging.Error);
            })
            .WithSummary("案件的证据文件列表(文件名、类型、大小、SHA-256)")
            .Produces<PageOf<EvidenceView>>();
        g.MapPost("/evidence", async (long id, HttpRequest request, EvidenceUpload upload, CancellationToken ct) =>
            {
                var added = await upload.AddAsync(id, request, ct);
                return added.IsSuccess ? Results.Created(added.Value.ContentUrl, added.Value) : Problems.From(added.Error);
            })
            .WithSummary("上传证据文件(multipart/form-data:file 文件、kind 证据类型 photo/audio/video/document/other、description 说明),同时写入全过程记录")
            .Accepts<EvidenceUploadForm>("multipart/form-data")
            .Produces<EvidenceView>(StatusCodes.Status201Created);
        g.MapGet("/evidence/{evidenceId:long}/content", async (long id, long evidenceId, RecordQueries queries, HttpResponse response, CancellationToken ct) =>
            {
                var content = await queries.ContentAsync(id, evidenceId, ct);
                if (!content.IsSuccess)
                    return Problems.From(content.Error);
                var (file, stream) = content.Value;
                // RFC 9530: the client can check what it received against the recorded SHA-256.
                response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(file.Sha256))}:";
                // The type is what the uploader claimed: served as an attachment, never sniffed into something a browser runs.
                response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(stream, file.ContentType, file.FileName);
            })
            .WithSummary("下载证据文件;下载前重新校验 SHA-256,文件被改动时拒绝下载")
            .Produces(StatusCodes.Status200OK);
    }
}
