using System.CommandLine;
using Zhifa.Data.CaseFileReviews;

namespace Zhifa.Cli;

/// <summary>
/// <c>zhifa review verify &lt;batch&gt;</c>: re-derives a 案卷评查 batch's sample from its recorded seed and rule over the
/// candidates read again, and compares it with the stored sample (ADR-017). Exit 0 when every agency's sample is
/// reproduced from unchanged candidates; 3 otherwise, naming each agency that differs; 2 for an unknown batch.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create()
    {
        var batch = new Argument<long>("batch") { Description = "评查批次编号" };
        var verify = new Command("verify", "按记录的随机种子重新抽样并与保存的抽样结果比对;一致时退出码 0,不一致时退出码 3") { batch };
        verify.SetAction(async (pr, ct) =>
        {
            var target = await ZhifaCli.OpenAsync(pr, ct);
            if (target is null)
                return ExitCodes.BadInput;
            var id = pr.GetValue(batch);
            await using var db = target.CreateContext();
            var report = await ReviewDraws.VerifyAsync(db, id, ct);
            if (report is null)
                return CliOutput.Fail($"评查批次 {id} 不存在。请用网页或接口 GET /api/v1/case-file-reviews 查看批次编号");
            if (report.Matches)
            {
                Console.WriteLine($"抽样核验通过:评查批次 {report.BatchId}\"{report.Title}\",随机种子 {report.Seed}," +
                                  $"{report.Agencies.Count} 个机关共 {report.Agencies.Sum(a => a.Stored.Count)} 件案卷与重新抽样的结果一致");
                return ExitCodes.Ok;
            }
            foreach (var a in report.Agencies.Where(a => !a.SampleMatches || !a.CandidatesUnchanged))
            {
                var why = !a.CandidatesUnchanged
                    ? $"候选案卷自抽样以来已变化(抽样时 {a.CandidatesThen} 件,现在 {a.CandidatesNow} 件)"
                    : "保存的抽样结果与按种子重新抽取的结果不一致";
                Console.Error.WriteLine($"抽样核验失败:评查批次 {report.BatchId} 机关 {a.AgencyCode}({a.AgencyName}){why};" +
                                        $"保存:{string.Join("、", a.Stored)};重新抽取:{string.Join("、", a.Rederived)}");
            }
            return ExitCodes.AuditBroken;
        });
        return new Command("review", "案卷评查") { verify };
    }
}
