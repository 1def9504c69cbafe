using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Storage;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.PenaltyCases;
using Zhifa.Web;

namespace Zhifa.PenaltyCases;

/// <summary>
/// What a step refers to by its public identifier (an officer's certificate number, a power's code, a benchmark's id),
/// read for the domain. An unknown reference is an error of the request's field (400).
/// </summary>
public sealed class PenaltyCaseLookups(ZhifaDbContext db, CallerScope scope)
{
    internal async Task<IReadOnlyList<OfficerFacts>> OfficersAsync(IReadOnlyList<string>? certificates, string field, RequestCheck check, CancellationToken ct)
    {
        var numbers = (certificates ?? []).Select(c => c?.Trim() ?? "").ToList();
        var found = await db.Officers.AsNoTracking().Where(o => numbers.Contains(o.CertificateNumber)).ToListAsync(ct);
        var facts = new List<OfficerFacts>();
        for (var i = 0; i < numbers.Count; i++)
        {
            var officer = found.FirstOrDefault(o => o.CertificateNumber == numbers[i]);
            if (officer is null)
                check.Add($"{field}[{i}]", numbers[i].Length == 0 ? "请填写执法证号" : $"执法证号\"{numbers[i]}\"不存在");
            else
                facts.Add(OfficerFacts.From(officer));
        }
        return facts;
    }

    internal async Task<OfficerFacts?> OfficerAsync(string? certificate, string field, string label, RequestCheck check, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(certificate))
        {
            check.Add(field, $"请填写{label}的执法证号");
            return null;
        }
        var number = certificate.Trim();
        var officer = await db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.CertificateNumber == number, ct);
        if (officer is null)
            check.Add(field, $"执法证号\"{number}\"不存在");
        return officer is null ? null : OfficerFacts.From(officer);
    }

    /// <summary>A power the caller can see: another agency's power is as unknown as one that does not exist.</summary>
    internal async Task<Power?> PowerAsync(string? code, RequestCheck check, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            check.Add("powerCode", "请填写职权编码");
            return null;
        }
        var power = await scope.Powers(db).AsNoTracking().FirstOrDefaultAsync(p => p.Code == code.Trim(), ct);
        if (power is null)
            check.Add("powerCode", $"职权\"{code.Trim()}\"不存在");
        return power;
    }

    /// <summary>Whether the power is on its agency's 重大执法决定法制审核目录 now (ADR-022).</summary>
    internal Task<bool> OnMajorDecisionListAsync(long powerId, CancellationToken ct) =>
        db.MajorDecisionList.AnyAsync(m => m.PowerId == powerId, ct);

    internal async Task<DiscretionChoice?> DiscretionAsync(DiscretionRequest? request, RequestCheck check, CancellationToken ct)
    {
        if (request is null)
            return null;
        var level = check.Enum<DiscretionLevel>(request.Level, "discretion.level", "裁量阶次", DiscretionLevelNames.ToChinese);
        if (request.BenchmarkId is not { } id)
        {
            check.Add("discretion.benchmarkId", "请填写所选裁量基准的编号 benchmarkId");
            return null;
        }
        var benchmark = await db.DiscretionBenchmarks.AsNoTracking().Include(b => b.Tiers).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (benchmark is null)
            check.Add("discretion.benchmarkId", $"裁量基准 {id} 不存在");
        return benchmark is null ? null : new DiscretionChoice(benchmark, level, request.ReasonIfOutside);
    }

    internal async Task<ExemptionListItem?> ExemptionAsync(long? id, RequestCheck check, CancellationToken ct)
    {
        if (id is null)
            return null;
        var item = await db.ExemptionListItems.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (item is null)
            check.Add("exemptionItemId", $"免罚清单事项 {id} 不存在");
        return item;
    }

    /// <summary>The SHA-256 of an evidence file uploaded to this case, which the evidence item then carries.</summary>
    internal async Task<string?> EvidenceFileHashAsync(long caseId, long? fileId, RequestCheck check, CancellationToken ct)
    {
        if (fileId is null)
            return null;
        var sha = await db.EvidenceFiles.AsNoTracking().Where(f => f.Id == fileId && f.CaseId == caseId).Select(f => f.Sha256).FirstOrDefaultAsync(ct);
        if (sha is null)
            check.Add("evidenceFileId", $"本案没有编号为 {fileId} 的证据文件");
        return sha;
    }

    /// <summary>
    /// The SHA-256 of each named file, in order, when each is an evidence file of this case not yet attached to an item
    /// (a file belongs to one evidence item).
    /// </summary>
    internal async Task<List<string>> UnattachedEvidenceFilesAsync(long caseId, IReadOnlyList<long> fileIds, RequestCheck check, CancellationToken ct)
    {
        if (fileIds.Count == 0)
            return [];
        var found = await db.EvidenceFiles.AsNoTracking().Where(f => f.CaseId == caseId && fileIds.Contains(f.Id))
            .Select(f => new { f.Id, f.Sha256, f.EvidenceItem, f.FileName }).ToDictionaryAsync(f => f.Id, ct);
        var missing = fileIds.Where(id => !found.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            check.Add("evidenceFileIds", $"本案没有编号为 {string.Join("、", missing)} 的证据文件");
        var attached = found.Values.Where(f => f.EvidenceItem is not null).ToList();
        if (attached.Count > 0)
            check.Add("evidenceFileIds", string.Join("；", attached.Select(f => $"证据文件\"{f.FileName}\"已附于第 {f.EvidenceItem} 项证据")));
        return fileIds.Where(found.ContainsKey).Select(id => found[id].Sha256).ToList();
    }

    /// <summary>Attaches the files to the case's evidence item at <paramref name="item"/> (1-based), those not attached yet.</summary>
    internal Task AttachEvidenceFilesAsync(long caseId, IReadOnlyList<long> fileIds, int item, CancellationToken ct) =>
        db.EvidenceFiles.Where(f => f.CaseId == caseId && fileIds.Contains(f.Id) && f.EvidenceItem == null)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.EvidenceItem, item), ct);
}

/// <summary>The evidence files a 调查取证 request names: <c>evidenceFileIds</c> and <c>evidenceFileId</c>, each once.</summary>
internal static class EvidenceFiles
{
    public static IReadOnlyList<long> Of(RecordEvidenceRequest r) =>
        (r.EvidenceFileIds ?? []).Concat(r.EvidenceFileId is { } one ? [one] : []).Distinct().ToList();
}
