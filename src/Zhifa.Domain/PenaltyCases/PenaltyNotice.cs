namespace Zhifa.Domain.PenaltyCases;

/// <summary>
/// 行政处罚告知 (行政处罚法 第四十四条): the proposed penalty, facts, basis and the party's rights, with what the party
/// did with them (waiver, hearing request, hearing). A new notice after a returned review replaces the current
/// one for the decision, and the party's window starts again; earlier notices stay in the file.
/// </summary>
public sealed class PenaltyNotice
{
    private List<PartyStatement> _statements = [];

    private PenaltyNotice() { }

    internal PenaltyNotice(DateOnly notifiedOn, PenaltyTerms terms, string facts, string basis, bool hearingRight,
        DateOnly windowEndsOn, bool windowProvisional, DiscretionAssessment? discretion)
    {
        NotifiedOn = notifiedOn;
        Terms = terms;
        Facts = facts;
        Basis = basis;
        HearingRight = hearingRight;
        WindowEndsOn = windowEndsOn;
        WindowProvisional = windowProvisional;
        Discretion = discretion;
    }

    public long Id { get; private set; }

    /// <summary>Day the notice reached the party (告知书送达日).</summary>
    public DateOnly NotifiedOn { get; private set; }
    public PenaltyTerms Terms { get; private set; } = null!;
    public string Facts { get; private set; } = "";
    public string Basis { get; private set; } = "";

    /// <summary>行政处罚法 第六十三条: the proposed penalty gives the party a right to a hearing.</summary>
    public bool HearingRight { get; private set; }

    /// <summary>Last day to state and defend and, with <see cref="HearingRight"/>, to ask for a hearing (第六十四条).</summary>
    public DateOnly WindowEndsOn { get; private set; }
    public bool WindowProvisional { get; private set; }
    public DiscretionAssessment? Discretion { get; private set; }

    /// <summary>Day the party waived statement, defence and hearing in writing.</summary>
    public DateOnly? WaivedOn { get; private set; }
    public DateOnly? HearingRequestedOn { get; private set; }
    public HearingRecord? Hearing { get; private set; }
    public IReadOnlyList<PartyStatement> Statements => _statements;

    /// <summary>The rights the notice tells the party of, for the 告知书.</summary>
    public string RightsText => HearingRight
        ? $"当事人有权进行陈述和申辩，并有权在{Fmt.Date(WindowEndsOn)}前（含当日）要求听证"
        : $"当事人有权在{Fmt.Date(WindowEndsOn)}前（含当日）进行陈述和申辩";

    internal void Waive(DateOnly on) => WaivedOn = on;

    internal void RequestHearing(DateOnly on)
    {
        HearingRequestedOn = on;
        WaivedOn = null;
    }

    internal void Schedule(HearingRecord hearing) => Hearing = hearing;

    internal void AddStatement(PartyStatement statement) => _statements.Add(statement);
}

/// <summary>听证: notice, chair and date, then what happened. Owned by the notice it answers.</summary>
public sealed class HearingRecord
{
    private HearingRecord() { }

    internal HearingRecord(DateOnly noticeSentOn, DateOnly hearingOn, long? chairOfficerId, string chairName, string place)
    {
        NoticeSentOn = noticeSentOn;
        HearingOn = hearingOn;
        ChairOfficerId = chairOfficerId;
        ChairName = chairName;
        Place = place;
    }

    public DateOnly NoticeSentOn { get; private set; }
    public DateOnly HearingOn { get; private set; }

    /// <summary>The chair, when an officer of the platform; otherwise only the name (e.g. a legal adviser).</summary>
    public long? ChairOfficerId { get; private set; }
    public string ChairName { get; private set; } = "";
    public string Place { get; private set; } = "";
    public DateOnly? HeldOn { get; private set; }

    /// <summary>False when the party did not attend without good reason: the hearing ends and the right is waived.</summary>
    public bool? PartyAttended { get; private set; }
    public string? Summary { get; private set; }

    public bool IsRecorded => HeldOn is not null;

    /// <summary>The case went through a hearing (第五十八条(二)): held with the party present.</summary>
    public bool WasHeld => PartyAttended == true;

    internal void Record(DateOnly heldOn, bool partyAttended, string summary)
    {
        HeldOn = heldOn;
        PartyAttended = partyAttended;
        Summary = summary.Trim();
    }
}

/// <summary>陈述申辩 made by the party on a notice and recorded by the handler.</summary>
public sealed class PartyStatement
{
    private PartyStatement() { }

    internal PartyStatement(DateOnly statedOn, string content, DateTimeOffset recordedAt, string recordedBy)
    {
        StatedOn = statedOn;
        Content = content;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
    }

    public long Id { get; private set; }
    public DateOnly StatedOn { get; private set; }
    public string Content { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
}

/// <summary>Input of <see cref="PenaltyCase.Notify"/>.</summary>
public sealed record NoticeInput(DateOnly NotifiedOn, IReadOnlyList<PenaltyKind> Kinds, decimal? Fine, decimal? ConfiscationValue,
    string Facts, string Basis, DiscretionChoice? Discretion = null);

/// <summary>Input of <see cref="PenaltyCase.ScheduleHearing"/>.</summary>
public sealed record HearingInput(DateOnly NoticeSentOn, DateOnly HearingOn, long? ChairOfficerId, string ChairName, string Place);
