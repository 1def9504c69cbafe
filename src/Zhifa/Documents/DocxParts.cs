using System.Buffers.Binary;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Zhifa.Documents;

/// <summary>The parts of a document beyond its body text: embedded images and the page-number footer.</summary>
internal static class DocxParts
{
    private const long EmuPerCm = 360_000;
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Pixel size from the PNG's IHDR chunk, which always comes first.</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(PngSignature) || !png.AsSpan(12, 4).SequenceEqual("IHDR"u8))
            throw new ArgumentException("The image is not a PNG file.", nameof(png));
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        if (width <= 0 || height <= 0)
            throw new ArgumentException("The PNG has no size.", nameof(png));
        return (width, height);
    }

    public static Paragraph ImageParagraph(MainDocumentPart main, byte[] png, double widthCm, double aspect, uint id)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png))
            part.FeedData(data);
        var relationshipId = main.GetIdOfPart(part);

        var cx = (long)(widthCm * EmuPerCm);
        var cy = (long)(widthCm * aspect * EmuPerCm);
        var name = $"图{id}";
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0U, Name = name + ".png" },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        });

        // No exact line height here: it would clip the picture to one line.
        var paragraph = DocxBuilder.Paragraph("", DocxFont.Body.Run(DocxBuilder.BodyPoints), DocxAlign.Center, lineTwips: null);
        paragraph.Append(new Run(drawing));
        return paragraph;
    }

    /// <summary>A footer with the page number centred between dashes: — 1 —.</summary>
    public static string AddPageNumberFooter(MainDocumentPart main)
    {
        var part = main.AddNewPart<FooterPart>();
        var run = DocxFont.Song.Run(14);
        var paragraph = DocxBuilder.Paragraph("— ", run, DocxAlign.Center, lineTwips: null);
        paragraph.Append(
            new SimpleField(new Run((RunProperties)run.CloneNode(true), new Text("1"))) { Instruction = " PAGE " },
            new Run((RunProperties)run.CloneNode(true), new Text(" —") { Space = SpaceProcessingModeValues.Preserve }));
        part.Footer = new Footer(paragraph);
        return main.GetIdOfPart(part);
    }
}
