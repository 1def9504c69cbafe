namespace Zhifa.Documents;

/// <summary>
/// What a 听证通知书 states. The caller makes sure it is served at least seven working days before the hearing
/// and that the chair did not investigate the case (行政处罚法 第六十四条第二、四项).
/// </summary>
public sealed record HearingNoticeInput
{
    public required DocumentNumber Number { get; init; }

    public required AgencyInfo Agency { get; init; }

    public required PartyInfo Party { get; init; }

    /// <summary>案由 without 涉嫌: 经营超过保质期的食品.</summary>
    public required string CaseCause { get; init; }

    /// <summary>The notice of the proposed penalty whose hearing the party requested.</summary>
    public required DocumentNumber NoticeNumber { get; init; }

    public required DateOnly RequestedOn { get; init; }

    public required DateTime HearingAt { get; init; }

    public required string Place { get; init; }

    /// <summary>主持人.</summary>
    public required string Chair { get; init; }

    /// <summary>记录员.</summary>
    public required string Clerk { get; init; }

    /// <summary>
    /// Why the hearing is not public (国家秘密, 商业秘密, 个人隐私); null for a public hearing (第六十四条第三项).
    /// </summary>
    public string? ClosedReason { get; init; }

    /// <summary>The case officers, named as contacts.</summary>
    public required IReadOnlyList<OfficerInfo> Officers { get; init; }

    public required DateOnly IssuedOn { get; init; }
}

/// <summary>听证通知书: time, place, chair and clerk of the hearing and the party's rights at it (行政处罚法 第六十四条).</summary>
public static class HearingNotice
{
    public static byte[] Render(HearingNoticeInput input) => Build(input).ToArray();

    public static void Render(HearingNoticeInput input, Stream output) => Build(input).WriteTo(output);

    private static DocxBuilder Build(HearingNoticeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var you = input.Party.You;
        var publicity = input.ClosedReason is { Length: > 0 } reason
            ? $"因涉及{reason}，本次听证依法不公开举行。"
            : "本次听证公开举行。";
        var builder = DocumentText.Start(input.Agency, input.Number, DocumentKind.HearingNotice)
            .AddLine($"{input.Party.Name}：")
            .AddParagraph(
                $"根据{you}于{ChineseFormat.Date(input.RequestedOn)}提出的听证要求，本局定于{ChineseFormat.DateTime(input.HearingAt)}" +
                $"在{input.Place}，就本局《{DocumentKind.PenaltyNotice.Title()}》（{input.NoticeNumber}）告知的{you}涉嫌{input.CaseCause}一案" +
                $"拟作出的行政处罚举行听证。{publicity}")
            .AddParagraph($"本次听证由{input.Chair}担任主持人，{input.Clerk}担任记录员。")
            .AddParagraph($"根据{DocumentText.PenaltyLaw}第六十四条的规定，现将有关事项告知如下：")
            .AddItems(
            [
                $"{you}可以亲自参加听证，也可以委托一至二人代理。委托代理人参加听证的，应当在听证开始前向本局提交授权委托书，载明委托事项和权限",
                $"{you}认为主持人、记录员与本案有直接利害关系的，有权申请回避；申请回避的，应当在听证开始前提出并说明理由",
                $"举行听证时，案件调查人员提出当事人违法的事实、证据和行政处罚建议，{you}可以进行申辩和质证，并可以提交新的证据",
                $"听证应当制作笔录，笔录经{you}或者{you}的代理人核对无误后签字或者盖章",
                $"{you}及{you}的代理人无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本局终止听证",
            ])
            .AddParagraph("请准时出席。")
            .AddParagraph("特此通知。")
            .AddContact(input.Agency, input.Officers)
            .AddSignature(input.Agency.Name, input.IssuedOn);
        return builder;
    }
}
