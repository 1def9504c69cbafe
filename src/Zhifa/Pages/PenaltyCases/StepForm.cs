using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Zhifa.Domain.PenaltyCases;
using Zhifa.PenaltyCases;
using Zhifa.Web;

namespace Zhifa.Pages.PenaltyCases;

/// <summary>
/// The fields of every step form on the case page, named as the API's request fields (so a refusal naming
/// <c>notifiedOn</c> lands beside <c>Input.NotifiedOn</c>). <see cref="Step"/> says which form was sent.
/// </summary>
public sealed class StepForm
{
    public string? Step { get; set; }
    public long? Version { get; set; }

    public string? Kind { get; set; }
    public string? Description { get; set; }
    public DateOnly? CollectedOn { get; set; }
    public List<string> Collectors { get; set; } = [];

    /// <summary>Files attached to the evidence item (照片、录音、录像、文书), stored before the step is run.</summary>
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>Files of this form stored by an earlier, refused submit: attached when the form is sent again.</summary>
    public List<long> UploadedFileIds { get; set; } = [];
    public DateOnly? NotifiedOn { get; set; }
    public List<string> Kinds { get; set; } = [];
    public decimal? Fine { get; set; }
    public decimal? ConfiscationValue { get; set; }
    public string? Facts { get; set; }
    public string? Basis { get; set; }
    public DateOnly? StatedOn { get; set; }
    public string? Content { get; set; }
    public DateOnly? WaivedOn { get; set; }
    public DateOnly? RequestedOn { get; set; }
    public DateOnly? NoticeSentOn { get; set; }
    public DateOnly? HearingOn { get; set; }
    public string? Time { get; set; }
    public string? ChairCertificateNumber { get; set; }
    public string? ChairName { get; set; }
    public string? Place { get; set; }
    public string? Clerk { get; set; }
    public DateOnly? HeldOn { get; set; }
    public bool? PartyAttended { get; set; }
    public string? Summary { get; set; }
    public string? ReviewerCertificateNumber { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public List<bool?> ItemConfirmed { get; set; } = [];
    public List<string?> ItemReason { get; set; } = [];
    public string? Opinion { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? Participants { get; set; }
    public string? Conclusion { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? Outcome { get; set; }
    public string? NoPenaltyGround { get; set; }
    public string? NoPenaltyReason { get; set; }
    public string? EducationRecord { get; set; }
    public long? ExemptionItemId { get; set; }
    public DateOnly? ServedOn { get; set; }
    public string? Method { get; set; }
    public DateOnly? PaidOn { get; set; }
    public decimal? Amount { get; set; }
    public string? ReceiptNumber { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? Reason { get; set; }
    public string? Note { get; set; }
    public DateOnly? ArchivedOn { get; set; }
    public string? CertificateNumber { get; set; }
    public DateOnly? On { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public int? Days { get; set; }
    public DateOnly? NewDueOn { get; set; }
    public DateOnly? StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    /// <summary>裁量基准 tier as "benchmarkId:Level" (行政处罚法 第三十四条), and the reason when the fine lies outside it.</summary>
    public string? Discretion { get; set; }
    public string? ReasonIfOutside { get; set; }

    /// <summary>分期: one instalment per line, "YYYY-MM-DD 金额".</summary>
    public string? Instalments { get; set; }
    public bool MajorPublicInterest { get; set; }
    public bool ComplexOrDifficult { get; set; }
    public bool MajorViolation { get; set; }
    public bool OnMajorDecisionList { get; set; }

    /// <summary>Runs the step the form names through the service, as the API would.</summary>
    public Task<Outcome<PenaltyCaseView>> RunAsync(PenaltyCaseService s, long id, CancellationToken ct) => Step switch
    {
        "record-evidence" => s.RecordEvidenceAsync(id, new RecordEvidenceRequest
        {
            Version = Version, Kind = Kind, Description = Description, CollectedOn = CollectedOn, Collectors = Collectors,
            EvidenceFileIds = UploadedFileIds.Count == 0 ? null : UploadedFileIds,
        }, ct),
        "notify" => s.NotifyAsync(id, new NotifyRequest
        {
            Version = Version, NotifiedOn = NotifiedOn, Kinds = Kinds, Fine = Fine, ConfiscationValue = ConfiscationValue, Facts = Facts, Basis = Basis,
            Discretion = DiscretionRequest(),
        }, ct),
        "record-statement" => s.RecordStatementAsync(id, new RecordStatementRequest { Version = Version, StatedOn = StatedOn, Content = Content }, ct),
        "record-waiver" => s.RecordWaiverAsync(id, new RecordWaiverRequest { Version = Version, WaivedOn = WaivedOn }, ct),
        "request-hearing" => s.RequestHearingAsync(id, new RequestHearingRequest { Version = Version, RequestedOn = RequestedOn }, ct),
        "schedule-hearing" => s.ScheduleHearingAsync(id, new ScheduleHearingRequest
        {
            Version = Version, NoticeSentOn = NoticeSentOn, HearingOn = HearingOn, Time = Time, ChairCertificateNumber = Blank(ChairCertificateNumber),
            ChairName = ChairName, Place = Place, Clerk = Clerk,
        }, ct),
        "record-hearing" => s.RecordHearingAsync(id, new RecordHearingRequest { Version = Version, HeldOn = HeldOn, PartyAttended = PartyAttended, Summary = Summary }, ct),
        "submit-review" => s.SubmitReviewAsync(id, new SubmitReviewRequest
            { Version = Version, ReviewerCertificateNumber = ReviewerCertificateNumber, SubmittedOn = SubmittedOn }, ct),
        "complete-review" => s.CompleteReviewAsync(id, new CompleteReviewRequest
        {
            Version = Version, Opinion = Opinion, CompletedOn = CompletedOn,
            Items = Enum.GetValues<ReviewChecklistItem>().Select((item, i) => new ReviewItemRequest
            {
                Item = item.ToString(), Confirmed = ItemConfirmed.ElementAtOrDefault(i), Reason = Blank(ItemReason.ElementAtOrDefault(i)),
            }).ToList(),
        }, ct),
        "record-discussion" => s.RecordDiscussionAsync(id, new RecordDiscussionRequest
        {
            Version = Version, HeldOn = HeldOn, Conclusion = Conclusion,
            Participants = (Participants ?? "").Split(['、', ',', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        }, ct),
        "decide" => s.DecideAsync(id, new DecideRequest
        {
            Version = Version, DecidedOn = DecidedOn, Outcome = Outcome, Kinds = Outcome == "NoPenalty" ? null : Kinds,
            Fine = Outcome == "NoPenalty" ? null : Fine, ConfiscationValue = Outcome == "NoPenalty" ? null : ConfiscationValue,
            NoPenaltyGround = Outcome == "NoPenalty" ? NoPenaltyGround : null, NoPenaltyReason = Blank(NoPenaltyReason), EducationRecord = Blank(EducationRecord),
            ExemptionItemId = Outcome == "NoPenalty" ? ExemptionItemId : null,
            Discretion = Outcome == "NoPenalty" ? null : DiscretionRequest(),
        }, ct),
        "serve" => s.ServeAsync(id, new ServeRequest { Version = Version, ServedOn = ServedOn, Method = Method, Place = Place }, ct),
        "record-payment" => s.RecordPaymentAsync(id, new RecordPaymentRequest { Version = Version, PaidOn = PaidOn, Amount = Amount, ReceiptNumber = Blank(ReceiptNumber) }, ct),
        "close" => s.CloseAsync(id, new CloseRequest { Version = Version, ClosedOn = ClosedOn, Reason = Reason, Note = Blank(Note) }, ct),
        "archive" => s.ArchiveAsync(id, new ArchiveRequest { Version = Version, ArchivedOn = ArchivedOn }, ct),
        "publish" => s.PublishAsync(id, new PublishRequest { Version = Version }, ct),
        "assign-officer" => s.AssignOfficerAsync(id, new AssignOfficerRequest { Version = Version, CertificateNumber = CertificateNumber, On = On }, ct),
        "record-recusal" => s.RecordRecusalAsync(id, new RecordRecusalRequest { Version = Version, CertificateNumber = CertificateNumber, On = On, Reason = Reason }, ct),
        "approve-extension" => s.ApproveExtensionAsync(id, new ApproveExtensionRequest { Version = Version, ApprovedOn = ApprovedOn, Days = Days, Reason = Reason }, ct),
        "approve-instalments" => s.ApproveInstalmentsAsync(id, new ApproveInstalmentsRequest
            { Version = Version, ApprovedOn = ApprovedOn, Instalments = ParseInstalments(Instalments) }, ct),
        "approve-deferral" => s.ApproveDeferralAsync(id, new ApproveDeferralRequest { Version = Version, ApprovedOn = ApprovedOn, NewDueOn = NewDueOn }, ct),
        "start-appeal" => s.StartAppealAsync(id, new StartAppealRequest { Version = Version, Kind = Kind, StartedOn = StartedOn, Note = Note }, ct),
        "classify" => s.ClassifyAsync(id, new ClassifyRequest
        {
            Version = Version, Significance = new SignificanceRequest
            {
                MajorPublicInterest = MajorPublicInterest, ComplexOrDifficult = ComplexOrDifficult, MajorViolation = MajorViolation,
                OnMajorDecisionList = OnMajorDecisionList,
            },
        }, ct),
        "end-appeal" => s.EndAppealAsync(id, new EndAppealRequest { Version = Version, EndedOn = EndedOn }, ct),
        _ => Task.FromResult<Outcome<PenaltyCaseView>>(AppError.Invalid("step", "penalty.step_unknown", "本页面不支持该办理步骤,请通过接口办理")),
    };

    /// <summary>Lines "2024-06-10 2500"; a line that does not read as a date and an amount is passed on empty, for the service to name.</summary>
    private static List<InstalmentRequest> ParseInstalments(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            var parts = line.Split([' ', '\t', ',', '，'], StringSplitOptions.RemoveEmptyEntries);
            return new InstalmentRequest
            {
                DueOn = parts.Length > 0 && DateOnly.TryParse(parts[0], CultureInfo.InvariantCulture, out var due) ? due : null,
                Amount = parts.Length > 1 && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null,
            };
        }).ToList();

    private DiscretionRequest? DiscretionRequest()
    {
        if (Blank(Discretion) is not { } chosen)
            return null;
        var parts = chosen.Split(':');
        return new DiscretionRequest
        {
            BenchmarkId = long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
            Level = parts.Length > 1 ? parts[1] : null,
            ReasonIfOutside = Blank(ReasonIfOutside),
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Puts a refusal into the form: the API's field paths become the form's field names (PageErrors).</summary>
public static partial class StepFormErrors
{
    [GeneratedRegex(@"^items\[(\d+)\]\.\w+$")]
    private static partial Regex ChecklistItem();

    [GeneratedRegex(@"\[\d+\].*$")]
    private static partial Regex Index();

    /// <summary>The message for a stale version, as the page words it (the API adds the versions).</summary>
    public const string Stale = "案件已被他人更新,请刷新后重新操作";

    public static void Add(ModelStateDictionary state, AppError error)
    {
        if (error.Code == "case.version_conflict")
        {
            state.AddModelError("", Stale);
            return;
        }
        var normalized = error with
        {
            Field = error.Field is null ? null : Field(error.Field),
            Errors = error.Errors?.GroupBy(e => Field(e.Key)).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray()),
        };
        PageErrors.Add(state, normalized, "Input");
    }

    private static string Field(string path)
    {
        var item = ChecklistItem().Match(path);
        if (item.Success)
            return "itemReason[" + int.Parse(item.Groups[1].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "]";
        return Index().Replace(path, "");
    }
}

/// <summary>One step form on the case page: the page (errors, values, options) and the step.</summary>
public sealed record StepFormContext(DetailModel Page, AvailableStepView Step);

/// <summary>A tier of a published discretion benchmark of the case's power, offered in the notice and decision forms.</summary>
public sealed record DiscretionOption(string Value, string Text);

/// <summary>An officer offered in a form: certificate number and name.</summary>
public sealed record OfficerOption(string CertificateNumber, string Name);

/// <summary>The messages of a form field, for forms that write their error spans by hand.</summary>
public static class ModelStateText
{
    public static string? ErrorsOf(this ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join("；", entry.Errors.Select(e => e.ErrorMessage)) : null;
}
