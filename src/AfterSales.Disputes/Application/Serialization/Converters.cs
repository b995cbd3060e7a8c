using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.Disputes.Calendars;
using AfterSales.Disputes.Flows;
using AfterSales.Disputes.Money;

namespace AfterSales.Disputes.Application.Serialization;

/// <summary>A currency as its ISO code: <c>"CNY"</c>.</summary>
public sealed class CurrencyJsonConverter : JsonConverter<Currency>
{
    /// <inheritdoc/>
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Currency.TryOf(reader.GetString(), out var currency) ? currency : throw new JsonException("Expected an ISO 4217 currency code such as \"EUR\".");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
}

/// <summary>An amount as minor units and currency: <c>{"minorUnits":1999,"currency":"EUR"}</c>.</summary>
public sealed class AmountJsonConverter : JsonConverter<Amount>
{
    /// <inheritdoc/>
    public override Amount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an amount such as {\"minorUnits\":1999,\"currency\":\"EUR\"}.");
        }

        long? minorUnits = null;
        string? code = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "minorUnits" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var units):
                    minorUnits = units;
                    break;
                case "currency" when reader.TokenType == JsonTokenType.String:
                    code = reader.GetString();
                    break;
                default:
                    throw new JsonException($"An amount has a whole number 'minorUnits' and a 'currency' code; '{name}' is not one of them or has the wrong type.");
            }
        }

        if (minorUnits is null || !Currency.TryOf(code, out var currency))
        {
            throw new JsonException("An amount needs 'minorUnits' and an ISO 4217 'currency' code.");
        }

        return new Amount(minorUnits.Value, currency);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Amount value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("minorUnits", value.MinorUnits);
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteEndObject();
    }
}

/// <summary>A business calendar with its time zone id, weekend days, holidays and make-up days.</summary>
public sealed class BusinessCalendarJsonConverter : JsonConverter<BusinessCalendar>
{
    /// <inheritdoc/>
    public override BusinessCalendar Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var shape = JsonSerializer.Deserialize<CalendarShape>(ref reader, options) ?? throw new JsonException("Expected a calendar.");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(shape.TimeZone, out var zone))
        {
            throw new JsonException($"Unknown time zone '{shape.TimeZone}'.");
        }

        return new BusinessCalendar(shape.Region, zone, shape.WeekendDays, shape.Holidays, shape.MakeUpWorkingDays);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, BusinessCalendar value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new CalendarShape(
            value.Region, value.TimeZone.Id, [.. value.WeekendDays.Order()], [.. value.Holidays.Order()], [.. value.MakeUpWorkingDays.Order()]), options);

    private sealed record CalendarShape(string Region, string TimeZone, DayOfWeek[] WeekendDays, DateOnly[] Holidays, DateOnly[] MakeUpWorkingDays);
}

/// <summary>A deadline span: <c>{"kind":"Elapsed","length":"2.00:00:00"}</c>, with the calendar for business days.</summary>
public sealed class DeadlineSpanJsonConverter : JsonConverter<DeadlineSpan>
{
    /// <inheritdoc/>
    public override DeadlineSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var shape = JsonSerializer.Deserialize<SpanShape>(ref reader, options) ?? throw new JsonException("Expected a deadline span.");
        return shape.Kind switch
        {
            DeadlineKind.Elapsed => DeadlineSpan.Of(shape.Length),
            DeadlineKind.BusinessDays when shape.Calendar is { } calendar =>
                DeadlineSpan.BusinessDays((int)shape.Length.TotalDays, calendar),
            _ => throw new JsonException("A business-day span needs its calendar."),
        };
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DeadlineSpan value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new SpanShape(value.Kind, value.Length, value.Calendar switch
        {
            null => null,
            BusinessCalendar calendar => calendar,
            var other => throw new JsonException($"Only a {nameof(BusinessCalendar)} can be stored with a span, not a {other.GetType().Name}."),
        }), options);

    private sealed record SpanShape(DeadlineKind Kind, TimeSpan Length, BusinessCalendar? Calendar);
}
