using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Zhifa.Domain.PenaltyCases;

namespace Zhifa.Data.PenaltyCases;

/// <summary>
/// The whole state of a <see cref="PenaltyCase"/> as one JSON document (ADR-007). The aggregate guards its invariants
/// behind private setters and private collections, so the snapshot reads and writes its <b>fields</b>, not its public
/// properties: for every class of the module that has a parameterless constructor, each instance field becomes a JSON
/// member (an auto-property's backing field under the property's name, an explicit field such as <c>_officers</c> under
/// its own name). Positional records (<see cref="Instalment"/>, <see cref="ReviewItemResult"/>,
/// <see cref="DiscretionAssessment"/>) keep System.Text.Json's constructor binding. Enums are written as their names.
/// The domain stays free of serialization attributes; renaming a private field is therefore a change of the stored
/// format and needs a migration of the snapshots (the round-trip test catches a field that no longer survives).
/// </summary>
public static class PenaltyCaseSnapshot
{
    private static readonly string ModuleNamespace = typeof(PenaltyCase).Namespace!;

    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { UseFields } },
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static string Serialize(PenaltyCase @case) => JsonSerializer.Serialize(@case, Options);

    public static PenaltyCase Deserialize(string json) =>
        JsonSerializer.Deserialize<PenaltyCase>(json, Options) ?? throw new JsonException("A penalty-case snapshot is null.");

    /// <summary>
    /// Gives a new case its id, the id of its <c>cases</c> row, which exists only once the row is inserted: the
    /// aggregate has no setter for it by design (ids are the store's business), so the store writes the field.
    /// </summary>
    public static void AssignId(PenaltyCase @case, long id) => IdField.SetValue(@case, id);

    private static readonly FieldInfo IdField = typeof(PenaltyCase).GetField(BackingField(nameof(PenaltyCase.Id)),
        BindingFlags.Instance | BindingFlags.NonPublic) ?? throw new InvalidOperationException("PenaltyCase.Id has no backing field.");

    private static string BackingField(string property) => $"<{property}>k__BackingField";

    private static void UseFields(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace != ModuleNamespace)
            return;
        var ctor = info.Type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes);
        if (ctor is null)
            return; // a positional record: its public properties are its state
        info.CreateObject = () => ctor.Invoke(null);
        info.Properties.Clear();
        foreach (var field in Fields(info.Type))
        {
            var property = info.CreateJsonPropertyInfo(field.FieldType, MemberName(field));
            property.Get = field.GetValue;
            property.Set = field.SetValue;
            info.Properties.Add(property);
        }
    }

    private static IEnumerable<FieldInfo> Fields(Type type) =>
        type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(f => !f.IsDefined(typeof(CompilerGeneratedAttribute)) || f.Name.EndsWith(">k__BackingField", StringComparison.Ordinal))
            .OrderBy(f => f.MetadataToken);

    private static string MemberName(FieldInfo field) =>
        field.Name.StartsWith('<') ? field.Name[1..field.Name.IndexOf('>', StringComparison.Ordinal)] : field.Name;
}
