using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Zhifa.Documents;

/// <summary>A Chinese typeface with the widely installed face a reader substitutes when it is missing.</summary>
internal sealed record DocxFont(string Name, string AltName)
{
    /// <summary>Titles: 方正小标宋简体, else 宋体 (SimSun).</summary>
    public static readonly DocxFont Title = new("方正小标宋简体", "宋体");

    /// <summary>Body text: 仿宋_GB2312, else 仿宋 (FangSong).</summary>
    public static readonly DocxFont Body = new("仿宋_GB2312", "仿宋");

    /// <summary>First-level headings: 黑体 (SimHei).</summary>
    public static readonly DocxFont Hei = new("黑体", "SimHei");

    /// <summary>Second-level headings: 楷体_GB2312, else 楷体 (KaiTi).</summary>
    public static readonly DocxFont Kai = new("楷体_GB2312", "楷体");

    /// <summary>Page numbers: 宋体 (SimSun).</summary>
    public static readonly DocxFont Song = new("宋体", "SimSun");

    // Digits and Latin letters in official documents are commonly set in Times New Roman.
    private const string Latin = "Times New Roman";

    /// <summary>
    /// Run properties in this face. The eastAsia hint makes ambiguous characters (“”, ·, —) use the Chinese
    /// face too; the font table carries the substitutes.
    /// </summary>
    public RunProperties Run(double points, bool bold = false)
    {
        var halfPoints = ((int)Math.Round(points * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new RunProperties
        {
            RunFonts = new RunFonts { Ascii = Latin, HighAnsi = Latin, ComplexScript = Latin, EastAsia = Name, Hint = FontTypeHintValues.EastAsia },
            Bold = bold ? new Bold() : null,
            BoldComplexScript = bold ? new BoldComplexScript() : null,
            FontSize = new FontSize { Val = halfPoints },
            FontSizeComplexScript = new FontSizeComplexScript { Val = halfPoints },
        };
    }

    /// <summary>Default styles (仿宋 三号, Chinese language) and a font table naming each face's substitute.</summary>
    public static void AddStyleParts(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        var defaultRun = Body.Run(DocxBuilder.BodyPoints);
        defaultRun.Languages = new Languages { Val = "en-US", EastAsia = "zh-CN" };
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(defaultRun.ChildElements.Select(e => e.CloneNode(true)))),
                new ParagraphPropertiesDefault()),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
            {
                Type = StyleValues.Paragraph,
                StyleId = "Normal",
                Default = true,
            });

        var fonts = main.AddNewPart<FontTablePart>();
        fonts.Fonts = new Fonts(new[] { Title, Body, Hei, Kai, Song, new DocxFont("仿宋", "FangSong"), new DocxFont("楷体", "KaiTi") }
            .Select(f => new Font(
                new AltName { Val = f.AltName },
                new FontCharSet { Val = "86" },
                new FontFamily { Val = FontFamilyValues.Roman },
                new Pitch { Val = FontPitchValues.Variable })
            { Name = f.Name }));
    }
}
