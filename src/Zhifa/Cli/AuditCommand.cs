using System.CommandLine;
using Zhifa.Data.Records;
using Zhifa.Data.Storage;
using Zhifa.Domain.Records;

namespace Zhifa.Cli;

/// <summary>
/// <c>zhifa audit verify</c> (cli.md): checks every chain of the full-process record and every evidence file.
/// Exit 0 with the counts when all is intact; exit 3 naming the first broken entry otherwise.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "校验全过程记录的哈希链和证据文件的 SHA-256;完好时退出码 0,发现篡改时退出码 3");
        verify.SetAction(async (pr, ct) =>
        {
            var target = await ZhifaCli.OpenAsync(pr, ct);
            if (target is null)
                return ExitCodes.BadInput;
            var store = new LocalFolderEvidenceStore(EvidenceOptions(pr, target));
            var report = await new AuditVerifier(target, store).VerifyAsync(ct);
            if (report.Finding is { } f)
            {
                var chain = f.ChainKey == RecordChain.SystemChain
                    ? "导入记录(链 0)"
                    : f.CaseNumber is null ? $"链 {f.ChainKey}(对应的案件不存在)" : $"案件 {f.CaseNumber}(链 {f.ChainKey})";
                Console.Error.WriteLine($"全过程记录校验失败:{chain} {f.Message} [{f.Code}]。请从备份核对该记录,并报告执法监督机构");
                return ExitCodes.AuditBroken;
            }
            Console.WriteLine($"全过程记录校验通过:{report.Entries} 条记录,{report.Chains} 条链,证据文件 {report.EvidenceFiles} 个");
            return ExitCodes.Ok;
        });
        return new Command("audit", "执法全过程记录的核查") { verify };
    }

    /// <summary>The evidence folder: <c>--evidence-dir</c>, else <c>ZHIFA_EVIDENCE_DIR</c>, else beside the SQLite file.</summary>
    public static EvidenceStoreOptions EvidenceOptions(ParseResult pr, DatabaseTarget target) => EvidenceStoreOptions.For(target,
        pr.GetValue(ZhifaCli.EvidenceDir) ?? Environment.GetEnvironmentVariable(EvidenceStoreOptions.FolderSetting),
        Environment.GetEnvironmentVariable(EvidenceStoreOptions.MaxMegabytesSetting));
}
