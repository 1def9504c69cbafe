using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Zhifa.Tests.Documents;

/// <summary>Reads a generated .docx back with the OpenXML SDK.</summary>
internal static class Docx
{
    public static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    /// <summary>The body's paragraphs (table cells included), one per line.</summary>
    public static string Text(byte[] bytes)
    {
        using var document = Open(bytes);
        return string.Join("\n", Paragraphs(document).Select(p => p.InnerText));
    }

    public static IReadOnlyList<Paragraph> Paragraphs(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().ToList();

    /// <summary>Schema and semantic errors, formatted for a failure message.</summary>
    public static IReadOnlyList<string> ValidationErrors(byte[] bytes)
    {
        using var document = Open(bytes);
        return new OpenXmlValidator().Validate(document)
            .Select(e => $"{e.ErrorType} {e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
    }
}
