using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Zhifa.Data.PenaltyCases;
using Zhifa.Data.Records;
using Zhifa.Data.Storage;
using Zhifa.Documents;
using Zhifa.Domain.PenaltyCases;
using Zhifa.Domain.Records;
using Zhifa.Web;

namespace Zhifa.PenaltyCases;

/// <summary>A generated document: its file name and the .docx bytes.</summary>
public sealed record GeneratedDocument(string FileName, byte[] Content)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

/// <summary>
/// The documents of a case as .docx (ADR-005, ADR-007, ADR-013). A document's number is taken from the agency's series the
/// first time the document is generated, kept with the case (<c>penalty_case_documents</c>) and recorded in the case's
/// full-process record (<c>penalty.document-numbered</c>); every later copy carries the same number. A document that
/// refers to another (the decision to its notice, the receipt to the decision) numbers that one too.
/// </summary>
public sealed class PenaltyDocumentService(ZhifaDbContext db, CallerScope scope, PenaltyCaseService cases, TimeProvider clock, IConfiguration configuration)
{
    public async Task<Outcome<GeneratedDocument>> GenerateAsync(long id, string route, CancellationToken ct = default)
    {
        var loaded = await cases.LoadVisibleAsync(id, ct);
        if (!loaded.IsSuccess)
            return loaded.Error;
        if (!PenaltyDocumentKinds.TryParse(route, out var kind))
            return AppError.NotFound("document.unknown_kind",
                $"文书\"{route}\"不存在,可生成的文书为:{string.Join("、", PenaltyDocumentKinds.All.Select(k => $"{k.Route}({k.Kind.Title()})"))}");
        var c = loaded.Value.Case;
        if (!PenaltyDocumentKinds.Available(c, kind))
            return AppError.Rule(new Domain.Common.DomainError("document.not_available", NotAvailable(c, kind)));

        var agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == c.AgencyId, ct);
        var numbers = new Dictionary<DocumentKind, DocumentNumber>();
        DocumentKind[] needed = kind switch
        {
            DocumentKind.HearingNotice or DocumentKind.PenaltyDecision => [kind, DocumentKind.PenaltyNotice],
            DocumentKind.ServiceReceipt => [kind, PenaltyDocumentKinds.DecisionOf(c)],
            // The on-the-spot decision's number is the case number, given when it was decided.
            DocumentKind.SummaryDecision => [],
            _ => [kind],
        };
        if (kind == DocumentKind.SummaryDecision)
            numbers[kind] = DocumentNumber.Parse(c.Number).Value;
        var conn = db.Database.GetDbConnection();
        var missing = new List<DocumentKind>();
        foreach (var k in needed)
        {
            var kept = await DocumentSequences.KeptNumberAsync(conn, null, c.Id, k.ToString(), PenaltyDocumentKinds.Item(c, k), ct);
            if (kept is null)
                missing.Add(k);
            else
                numbers[k] = DocumentNumber.Parse(kept).Value;
        }
        if (missing.Count > 0)
        {
            var given = await GiveNumbersAsync(c, agency, missing, ct);
            if (!given.IsSuccess)
                return given.Error;
            foreach (var (k, n) in given.Value)
                numbers[k] = n;
        }

        var power = await db.Powers.AsNoTracking().FirstAsync(p => p.Id == c.PowerId, ct);
        var officerIds = c.Officers.Select(o => o.OfficerId).ToList();
        var certificates = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.CertificateNumber, ct);
        var exemption = c.Decision?.ExemptionItemId is { } itemId
            ? await db.ExemptionListItems.AsNoTracking().Where(e => e.Id == itemId).Select(e => e.Conditions).FirstOrDefaultAsync(ct)
            : null;
        var input = new PenaltyDocumentInputs(c, PenaltyCaseDetails.Read(loaded.Value.Details), agency, power, certificates, numbers,
            (await cases.ContextAsync(ct)).Rules, PaymentAccount()) { ExemptionConditions = exemption };
        var bytes = kind switch
        {
            DocumentKind.FilingApproval => FilingApprovalForm.Render(input.FilingApproval()),
            DocumentKind.PenaltyNotice => Documents.PenaltyNotice.Render(input.Notice()),
            DocumentKind.HearingNotice => HearingNotice.Render(input.HearingNotice()),
            DocumentKind.PenaltyDecision => Documents.PenaltyDecision.Render(input.Decision()),
            DocumentKind.NoPenaltyDecision => Documents.NoPenaltyDecision.Render(input.NoPenaltyDecision()),
            DocumentKind.SummaryDecision => Documents.SummaryDecision.Render(input.SummaryDecision()),
            _ => ServiceReceipt.Render(input.ServiceReceipt()),
        };
        return new GeneratedDocument($"{kind.Title()}({numbers[kind]}).docx", bytes);
    }

    /// <summary>
    /// Numbers the documents generated for the first time, in one transaction: each number is kept with the case and
    /// recorded in its full-process record. When a concurrent request kept the same document's number first (its
    /// primary key refuses ours), the transaction is rolled back and tried once more, which then reads that number.
    /// </summary>
    private async Task<Outcome<List<(DocumentKind Kind, DocumentNumber Number)>>> GiveNumbersAsync(PenaltyCase c, Domain.Catalog.Agency agency,
        IReadOnlyList<DocumentKind> kinds, CancellationToken ct, bool retried = false)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var given = await GiveAsync(tx.GetDbTransaction(), c, agency, kinds, ct);
            if (given.IsSuccess)
                await tx.CommitAsync(ct);
            return given;
        }
        catch (DbException) when (!retried)
        {
            await tx.RollbackAsync(CancellationToken.None);
            return await GiveNumbersAsync(c, agency, kinds, ct, retried: true);
        }
    }

    private async Task<Outcome<List<(DocumentKind Kind, DocumentNumber Number)>>> GiveAsync(DbTransaction tx, PenaltyCase c, Domain.Catalog.Agency agency,
        IReadOnlyList<DocumentKind> kinds, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        var given = new List<(DocumentKind, DocumentNumber)>();
        foreach (var k in kinds)
        {
            var item = PenaltyDocumentKinds.Item(c, k);
            if (await DocumentSequences.KeptNumberAsync(conn, tx, c.Id, k.ToString(), item, ct) is { } kept)
            {
                given.Add((k, DocumentNumber.Parse(kept).Value));
                continue;
            }
            var allocated = await DocumentNumbering.AllocateAsync(conn, tx, agency, k, DocumentDate(c, k).Year, ct);
            if (!allocated.IsSuccess)
                return AppError.Rule(allocated.Error);
            var now = clock.GetUtcNow();
            var actor = scope.UserName ?? "system";
            await DocumentSequences.KeepNumberAsync(conn, tx, c.Id, k.ToString(), item, allocated.Value.ToString(), actor, now, ct);
            var content = CanonicalJson.From(new { document = PenaltyDocumentKinds.Route(k), title = k.Title(), number = allocated.Value.ToString(), item });
            var entry = await CaseRecord.AppendAsync(conn, tx, c.Id, "penalty.document-numbered", actor, content, now, ct);
            if (!entry.IsSuccess)
                throw new InvalidOperationException($"The record refused a document number: {entry.Error.Code}");
            given.Add((k, allocated.Value));
        }
        return given;
    }

    /// <summary>The account fines are paid into: <c>Zhifa:Documents:PaymentAccount</c> (Bank, AccountName, AccountNumber).</summary>
    private PaymentAccount? PaymentAccount()
    {
        var section = configuration.GetSection("Zhifa:Documents:PaymentAccount");
        return section["Bank"] is { Length: > 0 } bank
            ? new PaymentAccount(bank, section["AccountName"] ?? "", section["AccountNumber"] ?? "")
            : null;
    }

    /// <summary>The date whose year numbers a document: the day of the act it records.</summary>
    private static DateOnly DocumentDate(PenaltyCase c, DocumentKind kind) => kind switch
    {
        DocumentKind.FilingApproval => c.FiledOn,
        DocumentKind.PenaltyNotice => c.CurrentNotice!.NotifiedOn,
        DocumentKind.HearingNotice => c.CurrentNotice!.Hearing!.NoticeSentOn,
        _ => c.Decision!.DecidedOn,
    };

    private static string NotAvailable(PenaltyCase c, DocumentKind kind) => c.Procedure == Domain.Cases.ProcedureType.Summary
        ? $"简易程序案件使用当场行政处罚决定书,不生成《{kind.Title()}》"
        : kind switch
        {
            DocumentKind.SummaryDecision => "普通程序案件没有《当场行政处罚决定书》",
            DocumentKind.PenaltyNotice => "尚未告知拟作出的行政处罚,不能生成《行政处罚事先告知书》",
            DocumentKind.HearingNotice => "尚未安排听证,不能生成《听证通知书》",
            DocumentKind.NoPenaltyDecision => "尚未作出不予行政处罚的决定,不能生成《不予行政处罚决定书》",
            DocumentKind.ServiceReceipt => "尚未作出决定,不能生成《送达回证》",
            _ => $"尚未作出给予行政处罚的决定,不能生成《{kind.Title()}》",
        };
}
