using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Accounts;
using Zhifa.Data.Alerts;
using Zhifa.Data.Storage;
using Zhifa.Domain.Alerts;
using Zhifa.Domain.Common;
using Zhifa.Web;

namespace Zhifa.Alerts;

public sealed record RecordTrainingRequest(string? TrainedOn, decimal? Hours, string? Course);

public sealed record TrainingView(long Id, string CertificateNumber, string OfficerName, DateOnly TrainedOn, decimal Hours, string Course,
    decimal YearHours, int RequiredHours);

/// <summary>
/// Officers' training (培训学时), recorded by the administrator or the officer's own agency administrator; the
/// training-hours alert reads the yearly sum (ADR-015).
/// </summary>
public sealed class OfficerTrainingCommands(ZhifaDbContext db, CallerScope scope, AlertSettings settings, TimeProvider clock)
{
    public const int MaxCourseLength = 200;

    public async Task<Outcome<TrainingView>> RecordAsync(string certificateNumber, RecordTrainingRequest body, CancellationToken ct = default)
    {
        if (scope.Role is not (Roles.Admin or Roles.AgencyAdmin))
            return AppError.Forbidden("只有系统管理员或本机关管理员可以登记培训学时");
        var officer = await scope.Officers(db).AsNoTracking().FirstOrDefaultAsync(o => o.CertificateNumber == certificateNumber, ct);
        if (officer is null)
            return AppError.NotFound("officer.not_found", $"执法证号\"{certificateNumber}\"不存在");

        var errors = new Dictionary<string, string[]>();
        DateOnly trainedOn = default;
        if (string.IsNullOrWhiteSpace(body.TrainedOn))
            errors["trainedOn"] = ["请填写培训日期"];
        else if (!DateOnly.TryParseExact(body.TrainedOn.Trim(), "yyyy-MM-dd", out trainedOn))
            errors["trainedOn"] = [$"培训日期\"{body.TrainedOn}\"不是 yyyy-MM-dd 格式的日期"];
        else if (trainedOn > clock.Today())
            errors["trainedOn"] = [$"培训日期 {trainedOn:yyyy-MM-dd} 晚于今天"];
        if (body.Hours is not { } hours || hours <= 0 || hours > 1000 || decimal.Round(hours, 1) != hours)
            errors["hours"] = ["学时应为大于0、不超过1000的数,最多一位小数"];
        if (string.IsNullOrWhiteSpace(body.Course))
            errors["course"] = ["请填写培训课程"];
        else if (body.Course.Trim().Length > MaxCourseLength)
            errors["course"] = [$"培训课程不得超过{MaxCourseLength}个字符"];
        if (errors.Count > 0)
            return AppError.Invalid(errors);

        var row = new OfficerTrainingRow
        {
            OfficerId = officer.Id, TrainedOn = trainedOn, Hours = body.Hours!.Value, Course = body.Course!.Trim(),
            RecordedAt = clock.GetUtcNow(), RecordedBy = scope.UserName!,
        };
        db.OfficerTrainings.Add(row);
        await db.SaveChangesAsync(ct);
        var yearStart = new DateOnly(trainedOn.Year, 1, 1);
        var yearEnd = new DateOnly(trainedOn.Year, 12, 31);
        var yearHours = (await db.OfficerTrainings.AsNoTracking()
            .Where(t => t.OfficerId == officer.Id && t.TrainedOn >= yearStart && t.TrainedOn <= yearEnd)
            .Select(t => t.Hours).ToListAsync(ct)).Sum();
        return new TrainingView(row.Id, officer.CertificateNumber, officer.Name, row.TrainedOn, row.Hours, row.Course, yearHours,
            settings.TrainingHoursPerYear);
    }
}
