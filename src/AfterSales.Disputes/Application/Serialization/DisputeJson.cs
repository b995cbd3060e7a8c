using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.Application.Serialization;

/// <summary>
/// The JSON form of everything a dispute's timeline carries: event details (with a <c>$type</c>
/// discriminator), amounts, currencies, deadline spans, business calendars and frozen policies. The
/// store persists events in this form and rebuilds disputes from it; webhooks send it.
/// </summary>
public static class DisputeJson
{
    /// <summary>Serializer options: web defaults (camelCase), enums as strings, the engine's value types.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Serializes event details to JSON.</summary>
    public static string Serialize(DisputeEventData data) => JsonSerializer.Serialize(data, Options);

    /// <summary>Reads event details written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The text is not event details of a known type.</exception>
    public static DisputeEventData Deserialize(string json) =>
        JsonSerializer.Deserialize<DisputeEventData>(json, Options) ?? throw new JsonException("Event details cannot be null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters =
            {
                new JsonStringEnumConverter(),
                new CurrencyJsonConverter(),
                new AmountJsonConverter(),
                new BusinessCalendarJsonConverter(),
                new DeadlineSpanJsonConverter(),
            },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DescribeEventData, OmitNoFiles } },
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.MakeReadOnly();
        return options;
    }

    // Most details name no file: their stored JSON carries no "files" member rather than a null one.
    private static void OmitNoFiles(JsonTypeInfo typeInfo)
    {
        if (typeof(DisputeEventData).IsAssignableFrom(typeInfo.Type)
            && typeInfo.Properties.FirstOrDefault(p => p.Name == "files") is { } files)
        {
            files.ShouldSerialize = (_, value) => value is not null;
        }
    }

    // Declares the kinds of event details here rather than with attributes on the domain types, which
    // stay free of serialization concerns. The discriminator is the type name, so stored events stay
    // readable and renaming a details type is a breaking change for stored timelines.
    private static void DescribeEventData(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(DisputeEventData))
        {
            return;
        }

        var polymorphism = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "$type" };
        foreach (var type in typeof(DisputeEventData).Assembly.GetTypes()
                     .Where(t => t.IsSealed && typeof(DisputeEventData).IsAssignableFrom(t))
                     .OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            polymorphism.DerivedTypes.Add(new JsonDerivedType(type, type.Name));
        }

        typeInfo.PolymorphismOptions = polymorphism;
    }
}
