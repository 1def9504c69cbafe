using System.Globalization;
using System.Text.RegularExpressions;
using Zhifa.Documents;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.PenaltyCases;
using DocServiceMethod = Zhifa.Documents.ServiceMethod;
using ServiceMethod = Zhifa.Domain.PenaltyCases.ServiceMethod;

namespace Zhifa.PenaltyCases;

/// <summary>
/// Maps a penalty case to the plain inputs of the documents (ADR-005). Facts the platform does not hold (the agency's
/// address and phone, the party's address when not given, the hour of service) print as a blank line for the
/// officers to fill in by hand; nothing is invented.
/// </summary>
internal sealed partial class PenaltyDocumentInputs(PenaltyCase c, PenaltyCaseDetails details, Agency agency, Power power,
    IReadOnlyDictionary<long, string> certificates, IReadOnlyDictionary<DocumentKind, DocumentNumber> numbers, PenaltyRules rules,
    PaymentAccount? payment)
{
    private const string Blank = "＿＿＿＿＿＿＿＿";

    private Domain.PenaltyCases.PenaltyNotice Notice0 => c.CurrentNotice!;

    public FilingApprovalInput FilingApproval() => new()
    {
        Number = numbers[DocumentKind.FilingApproval],
        Agency = AgencyInfo,
        CaseSource = details.CaseSource ?? Blank,
        SourceDate = c.DiscoveredOn,
        Party = Party,
        CaseCause = Cause,
        BriefFacts = c.CaseSummary,
        HandlerOpinion = "建议立案调查。",
        Handlers = Officers(c.Officers.Where(o => o.AssignedOn == c.FiledOn)),
        HandlerDate = c.FiledOn,
        AgencyApproval = new ApprovalInfo("同意立案。", c.FilingApprovedBy, c.FiledOn),
    };

    public PenaltyNoticeInput Notice() => new()
    {
        Number = numbers[DocumentKind.PenaltyNotice],
        Agency = AgencyInfo,
        Party = Party,
        CaseCause = Cause,
        FiledOn = c.FiledOn,
        Facts = Notice0.Facts,
        Evidence = Evidence,
        ViolatedProvision = power.LegalBasis ?? Notice0.Basis,
        PenaltyBasis = Notice0.Basis,
        Discretion = DiscretionText(Notice0.Discretion),
        Penalties = Penalties(Notice0.Terms),
        StatementWorkingDays = Notice0.HearingRight ? rules.HearingRequestWorkingDays : rules.StatementWorkingDays,
        StatementDeadline = Notice0.WindowEndsOn,
        HearingRequestDeadline = Notice0.HearingRight ? Notice0.WindowEndsOn : null,
        Officers = ActiveOfficers,
        IssuedOn = Notice0.NotifiedOn,
    };

    public HearingNoticeInput HearingNotice()
    {
        var hearing = Notice0.Hearing!;
        var more = details.Hearings.GetValueOrDefault(c.Notices.Count - 1);
        var time = TimeOnly.TryParseExact(more?.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : new TimeOnly(9, 0);
        return new()
        {
            Number = numbers[DocumentKind.HearingNotice],
            Agency = AgencyInfo,
            Party = Party,
            CaseCause = Cause,
            NoticeNumber = numbers[DocumentKind.PenaltyNotice],
            RequestedOn = Notice0.HearingRequestedOn ?? hearing.NoticeSentOn,
            HearingAt = hearing.HearingOn.ToDateTime(time),
            Place = hearing.Place,
            Chair = hearing.ChairName,
            Clerk = more?.Clerk ?? Blank,
            Officers = ActiveOfficers,
            IssuedOn = hearing.NoticeSentOn,
        };
    }

    public PenaltyDecisionInput Decision() => new()
    {
        Number = numbers[DocumentKind.PenaltyDecision],
        Agency = AgencyInfo,
        Party = Party,
        CaseCause = Cause,
        FiledOn = c.FiledOn,
        Facts = Notice0.Facts,
        Evidence = Evidence,
        NoticeNumber = numbers[DocumentKind.PenaltyNotice],
        NoticeServedOn = Notice0.NotifiedOn,
        HearingRightNotified = Notice0.HearingRight,
        PartyResponse = PartyResponse(),
        ViolatedProvision = power.LegalBasis ?? Notice0.Basis,
        Violation = $"{Cause}的违法行为",
        Discretion = DiscretionText(c.Decision!.Discretion),
        PenaltyBasis = Notice0.Basis,
        Penalties = Penalties(c.Decision.Terms!),
        Payment = payment ?? new PaymentAccount(Blank, Blank, Blank),
        DecidedOn = c.Decision.DecidedOn,
    };

    /// <summary>The published conditions of the exemption list entry the no-penalty decision applies, if any.</summary>
    public string? ExemptionConditions { get; init; }

    public SummaryDecisionInput SummaryDecision() => new()
    {
        Number = numbers[DocumentKind.SummaryDecision],
        Agency = AgencyInfo,
        Party = Party,
        Facts = Notice0.Facts,
        ViolatedProvision = power.LegalBasis,
        PenaltyBasis = Notice0.Basis,
        Penalties = Penalties(c.Decision!.Terms!),
        PartyStatement = Notice0.Statements.Count == 0 ? null : string.Join("；", Notice0.Statements.Select(st => st.Content.TrimEnd('。'))),
        Payment = payment ?? new PaymentAccount(Blank, Blank, Blank),
        Place = details.ServicePlace ?? Blank,
        Officers = ActiveOfficers,
        DecidedOn = c.Decision.DecidedOn,
    };

    public NoPenaltyDecisionInput NoPenaltyDecision()
    {
        var d = c.Decision!;
        var basis = d.NoPenaltyGround switch
        {
            NoPenaltyGround.Exemption => d.ExemptionKind == ExemptionKind.NoSubjectiveFault ? NoPenaltyBasis.ExemptionNoFault : NoPenaltyBasis.ExemptionMinor,
            NoPenaltyGround.FactsNotEstablished => NoPenaltyBasis.FactsNotEstablished,
            _ => NoPenaltyBasis.OtherLegalGround,
        };
        return new()
        {
            Number = numbers[DocumentKind.NoPenaltyDecision],
            Agency = AgencyInfo,
            Party = Party,
            CaseCause = Cause,
            FiledOn = c.FiledOn,
            Facts = c.CurrentNotice?.Facts ?? c.CaseSummary,
            Evidence = c.Evidence.Count == 0 ? [] : Evidence,
            ViolatedProvision = basis == NoPenaltyBasis.FactsNotEstablished ? null : power.LegalBasis ?? c.CurrentNotice?.Basis,
            Basis = basis,
            Reason = d.NoPenaltyReason ?? Blank,
            ExemptionEntry = d.ExemptionKind is { } k ? $"{k.ToChinese()}：{ExemptionConditions ?? Blank}" : null,
            EducationRecord = d.EducationRecord,
            DecidedOn = d.DecidedOn,
        };
    }

    public ServiceReceiptInput ServiceReceipt() => new()
    {
        Number = numbers[DocumentKind.ServiceReceipt],
        Agency = AgencyInfo,
        Recipient = Party,
        Documents = [ServedDocument.Of(numbers[PenaltyDocumentKinds.DecisionOf(c)])],
        Method = c.ServiceMethod switch
        {
            ServiceMethod.LeftAtAddress => DocServiceMethod.Left,
            ServiceMethod.Electronic => DocServiceMethod.Electronic,
            ServiceMethod.Mail => DocServiceMethod.Mail,
            ServiceMethod.Entrusted => DocServiceMethod.Entrusted,
            _ => DocServiceMethod.Direct,
        },
        Place = details.ServicePlace ?? details.PartyAddress ?? Blank,
        Servers = ActiveOfficers,
        Remarks = c.ServiceMethod == ServiceMethod.Public ? "公告送达" : null,
    };

    /// <summary>
    /// The agency as documents name it. Reconsideration goes to the people's government at the agency's level and a suit
    /// to the basic court of its district (行政复议法 第二十四条, 行政诉讼法 第十八条), both named after the district in the
    /// agency's name: 天津市河东区市场监督管理局 → 天津市河东区人民政府, 天津市河东区人民法院.
    /// </summary>
    private AgencyInfo AgencyInfo
    {
        get
        {
            var region = RegionOfName().Match(agency.Name) is { Success: true } m ? m.Value : null;
            return new AgencyInfo(agency.Name, DocumentPrefixes.For(agency), Blank, Blank,
                region is null ? Blank : region + "人民政府", region is null ? Blank : region + "人民法院");
        }
    }

    private PartyInfo Party => new(c.Party.Type, c.Party.Name, c.Party.Identifier ?? Blank, details.PartyAddress ?? Blank)
    {
        Representative = details.PartyRepresentative,
        Phone = details.PartyPhone,
    };

    private string Cause => details.CaseCause ?? c.CaseSummary.TrimEnd('。');

    private IReadOnlyList<string> Evidence => c.Evidence.Count == 0
        ? [Blank]
        : c.Evidence.Select(e => $"{e.Kind.ToChinese()}:{e.Description}").ToList();

    private IReadOnlyList<OfficerInfo> ActiveOfficers => Officers(c.ActiveOfficers);

    private List<OfficerInfo> Officers(IEnumerable<PenaltyCaseOfficer> officers) =>
        officers.Select(o => new OfficerInfo(o.Name, certificates.GetValueOrDefault(o.OfficerId, Blank))).ToList();

    private static string? DiscretionText(DiscretionAssessment? d) => d is null ? null
        : $"根据本机关公布的行政处罚裁量权基准,本案适用「{d.Level.ToChinese()}」阶次(罚款{ChineseFormat.Yuan(d.MinFine)}至{ChineseFormat.Yuan(d.MaxFine)})。"
          + (d.WithinRange ? "" : $"罚款超出该阶次幅度的理由:{d.ReasonOutside}。");

    private string? PartyResponse()
    {
        var parts = Notice0.Statements.Select(s => $"当事人于{ChineseFormat.Date(s.StatedOn)}提出陈述、申辩意见:{s.Content.TrimEnd('。')}。").ToList();
        if (Notice0.Hearing is { HeldOn: { } held } h)
            parts.Add(h.WasHeld ? $"本局于{ChineseFormat.Date(held)}依法举行听证,{h.Summary?.TrimEnd('。')}。"
                : $"当事人无正当理由未出席{ChineseFormat.Date(held)}的听证,视为放弃听证权利。");
        return parts.Count == 0 ? null : string.Concat(parts);
    }

    private static IReadOnlyList<PenaltyItem> Penalties(PenaltyTerms terms) => terms.Kinds.Select(k => k switch
    {
        PenaltyKind.Warning => new WarningPenalty(),
        PenaltyKind.Fine => new FinePenalty(terms.Fine!.Value),
        PenaltyKind.ConfiscationOfIllegalGains => new ConfiscateGainsPenalty(terms.ConfiscationValue!.Value),
        PenaltyKind.ConfiscationOfIllegalProperty => (PenaltyItem)new ConfiscatePropertyPenalty($"非法财物(价值{ChineseFormat.Yuan(terms.ConfiscationValue!.Value)})"),
        _ => new OtherPenalty(k.ToChinese()),
    }).ToList();

    [GeneratedRegex("^.*?[区县](?!场)|^.*?市(?!场)")]
    private static partial Regex RegionOfName();
}
