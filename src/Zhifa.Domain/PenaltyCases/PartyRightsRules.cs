using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.PenaltyCases;

/// <summary>The party's rights before a decision: notice, statement and defence, hearing.</summary>
public static class PartyRightsRules
{
    // 行政处罚法 第六十三条
    public static bool HasHearingRight(PenaltyTerms terms, PartyType party, PenaltyRules rules)
    {
        var large = rules.LargeAmountFor(party);
        return terms.Kinds.Any(rules.HearingRightKinds.Contains) || terms.Fine >= large || terms.ConfiscationValue >= large;
    }

    // 行政处罚法 第六十四条 (hearing request) and 第四十五条 (statement, sector period): notice day is day 0.
    public static Deadline WindowEnd(WorkingDayCalendar calendar, PenaltyRules rules, DateOnly notifiedOn, bool hearingRight) =>
        calendar.AddWorkingDays(notifiedOn, hearingRight ? rules.HearingRequestWorkingDays : rules.StatementWorkingDays);

    // 行政处罚法 第六十三、六十四条
    public static DomainError? HearingRequestAllowed(PenaltyNotice notice, DateOnly requestedOn, PenaltyRules rules)
    {
        if (!notice.HearingRight)
            return Guard.Error("no_hearing_right",
                $"拟作出的处罚（{notice.Terms.Describe()}）不属于应当告知听证权利的情形（行政处罚法 第六十三条）");
        if (Guard.NotBefore(requestedOn, notice.NotifiedOn, "听证申请日期", "告知日期") is { } orderError)
            return orderError;
        return requestedOn > notice.WindowEndsOn
            ? Guard.Error("hearing_request_late",
                $"听证申请日期{Fmt.Date(requestedOn)}已超过告知后{rules.HearingRequestWorkingDays}个工作日的申请期限{Fmt.Date(notice.WindowEndsOn)}（行政处罚法 第六十四条）")
            : null;
    }

    // 行政处罚法 第四十四、四十五、六十二条
    public static DomainError? PartyHeard(PenaltyNotice? notice, DateOnly on, string act)
    {
        if (notice is null)
            return Guard.Error("not_notified", $"尚未告知当事人拟作出的行政处罚内容及事实、理由、依据和权利，不能{act}（行政处罚法 第四十四、六十二条）");
        if (notice.HearingRequestedOn is not null)
            return notice.Hearing?.IsRecorded == true
                ? null
                : Guard.Error("hearing_pending", $"当事人已申请听证，听证结束前不能{act}（行政处罚法 第六十四、六十五条）");
        if (notice.WaivedOn is not null || on > notice.WindowEndsOn)
            return null;
        var rights = notice.HearingRight ? "陈述、申辩和申请听证" : "陈述、申辩";
        return Guard.Error("statement_window_open",
            $"当事人{rights}的期限至{Fmt.Date(notice.WindowEndsOn)}，期限届满前不能{act}，除非当事人书面放弃（行政处罚法 第四十五、六十二条）");
    }

    // 行政处罚法 第四十五条
    public static DomainError? NotHeavierThanNotified(PenaltyTerms decided, PenaltyNotice notice) =>
        decided.IsNoHeavierThan(notice.Terms)
            ? null
            : Guard.Error("heavier_than_notified",
                $"决定的处罚（{decided.Describe()}）重于告知的处罚（{notice.Terms.Describe()}），须重新告知（行政处罚法 第四十五条）");
}

/// <summary>Rules of the hearing itself.</summary>
public static class HearingRules
{
    // 行政处罚法 第六十四条
    public static DomainError? NoticedInTime(WorkingDayCalendar calendar, PenaltyRules rules, DateOnly noticeSentOn, DateOnly hearingOn)
    {
        var earliest = calendar.AddWorkingDays(noticeSentOn, rules.HearingNoticeWorkingDays).Date;
        return hearingOn < earliest
            ? Guard.Error("hearing_notice_too_late",
                $"听证通知须在举行听证{rules.HearingNoticeWorkingDays}个工作日前送达：通知日期{Fmt.Date(noticeSentOn)}，最早可于{Fmt.Date(earliest)}举行，拟定日期为{Fmt.Date(hearingOn)}（行政处罚法 第六十四条）")
            : null;
    }

    // 行政处罚法 第六十四条: the chair is not one of the officers who investigated the case.
    public static DomainError? ChairDidNotInvestigate(long? chairOfficerId, string chairName, IEnumerable<PenaltyCaseOfficer> officers)
    {
        var investigator = chairOfficerId is { } id
            ? officers.FirstOrDefault(o => o.OfficerId == id)
            : officers.FirstOrDefault(o => o.Name == chairName.Trim());
        return investigator is null
            ? null
            : Guard.Error("hearing_chair_investigator", $"{investigator.Name}是本案调查人员，不能主持听证（行政处罚法 第六十四条）");
    }
}
