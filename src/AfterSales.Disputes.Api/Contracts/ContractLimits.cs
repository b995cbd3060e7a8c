using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Api.Localization;

namespace AfterSales.Disputes.Api.Contracts;

/// <summary>How long a string, how many items, which integers: one member's bounds.</summary>
/// <param name="MaxLength">The longest string.</param>
/// <param name="MaxItems">The most items in a list.</param>
/// <param name="Minimum">The smallest whole number.</param>
/// <param name="Maximum">The largest whole number.</param>
internal sealed record Bounds(int? MaxLength = null, int? MaxItems = null, long? Minimum = null, long? Maximum = null);

/// <summary>
/// The bounds of every string, list and whole number the API takes or gives, by member name: the host refuses a
/// request outside them (400 with the member's path) and the OpenAPI document states them, both from this table,
/// so the two cannot drift. They keep a request's cost bounded and fit the store's columns.
/// </summary>
internal static class ContractLimits
{
    /// <summary>An id: the store's id columns.</summary>
    public const int IdLength = 64;

    /// <summary>Free text (a description, a reason, a note): the engine's own limit on a request's description.</summary>
    public const int TextLength = 4000;

    /// <summary>A URL (a webhook's target).</summary>
    public const int UrlLength = 2048;

    /// <summary>A time, a date or a duration in ISO 8601 (none is longer).</summary>
    public const int TimeLength = 40;

    /// <summary>Any list in a request: files, lines, ids.</summary>
    public const int ListItems = 100;

    /// <summary>The most items one page of a listing answers (its <c>limit</c>).</summary>
    public const int MaxPageSize = 200;

    /// <summary>Units of one line.</summary>
    public const int MaxQuantity = 10_000;

    /// <summary>An amount's minor units, either way: ten billion in major units.</summary>
    public const long MaxMinorUnits = 1_000_000_000_000;

    /// <summary>The most events a dispute holds; every list in a dispute is drawn from them.</summary>
    public const int MaxTimelineEvents = Disputes.Dispute.MaxEvents;

    // Members of answers whose ids or texts are longer than the general rule (the store's columns for them).
    private static readonly Dictionary<(Type Type, string Member), int> s_answerLengths = new()
    {
        [(typeof(WebhookDelivery), "id")] = IdLength * 3,
        [(typeof(WebhookDelivery), "eventId")] = IdLength * 2,
        [(typeof(WebhookDelivery), "payload")] = 65_536,
        [(typeof(WebhookDelivery), "lastError")] = 1000,
    };

    private static readonly Dictionary<string, Bounds> s_numbers = new(StringComparer.Ordinal)
    {
        ["quantity"] = new(Minimum: 1, Maximum: MaxQuantity),
        ["units"] = new(Minimum: 0, Maximum: MaxQuantity),
        ["stars"] = new(Minimum: 1, Maximum: 5),
        ["extendedWarrantyMonths"] = new(Minimum: 0, Maximum: 120),
        ["extendedWarrantyOptions"] = new(Minimum: 1, Maximum: 120),
        ["penaltyPoints"] = new(Minimum: 0, Maximum: 100),
        ["limit"] = new(Minimum: 1, Maximum: MaxPageSize),
        ["status"] = new(Minimum: 100, Maximum: 599),
        ["lastStatusCode"] = new(Minimum: 100, Maximum: 599),
        ["minorUnits"] = new(Minimum: -MaxMinorUnits, Maximum: MaxMinorUnits),
        ["wait"] = new(Minimum: 0, Maximum: Endpoints.EventFeedEndpoints.MaxWaitSeconds),
        ["bySeconds"] = new(Minimum: 1, Maximum: Endpoints.TestClockEndpoints.MaxAdvanceSeconds),
        ["aheadBySeconds"] = new(Minimum: 0, Maximum: Endpoints.TestClockEndpoints.MaxAdvanceSeconds),
    };

    /// <summary>The bounds of a member named <paramref name="name"/> (as JSON spells it) of type <paramref name="type"/>, declared on <paramref name="owner"/>.</summary>
    public static Bounds For(string name, Type type, Type? owner = null)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string) || underlying == typeof(Uri))
        {
            return new(MaxLength: owner is not null && s_answerLengths.TryGetValue((owner, name), out var length) ? length : StringLength(name));
        }

        if (underlying == typeof(DateTimeOffset) || underlying == typeof(DateOnly) || underlying == typeof(TimeSpan) || underlying == typeof(DateTime))
        {
            return new(MaxLength: TimeLength);
        }

        if (underlying == typeof(int) || underlying == typeof(long))
        {
            return s_numbers.TryGetValue(name, out var bounds) ? bounds
                : new(Minimum: 0, Maximum: underlying == typeof(int) ? int.MaxValue : long.MaxValue); // counts, versions, sizes
        }

        if (ElementType(underlying) is not { } element)
        {
            return new();
        }

        // A list's bounds, with its items' (a string's length, a number's range) where the items have them.
        var items = element == typeof(int) || element == typeof(long) ? For(name, element, owner) : new Bounds();
        return new(MaxItems: owner is null || IsRequestType(owner) ? ListItems : MaxTimelineEvents,
            MaxLength: element == typeof(string) ? StringLength(name.EndsWith("Ids", StringComparison.Ordinal) ? "id" : name)
                : element == typeof(DateOnly) ? TimeLength : null,
            Minimum: items.Minimum, Maximum: items.Maximum);
    }

    // A list in an answer is drawn from the dispute's events (a dispute holds at most MaxTimelineEvents), from an
    // order (whose lines came in a request), or from a page or a policy, all shorter. A list in a request is shorter still.
    private static bool IsRequestType(Type type) => s_requestTypes.Value.Contains(type);

    private static readonly Lazy<HashSet<Type>> s_requestTypes = new(() =>
    {
        var json = Hosting.ApiSetup.CreateJsonOptions();
        var found = new HashSet<Type>();
        var pending = new Stack<Type>([typeof(OpenDisputeBody), typeof(Orders.Order), typeof(Endpoints.NewSubscription), typeof(Endpoints.AdvanceTestClock),
            .. Disputes.DisputeActions.All.Select(a => a.ArgumentType).OfType<Type>()]);
        while (pending.TryPop(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? ElementType(type) ?? type;
            if (!found.Add(type) || json.GetTypeInfo(type) is not { Kind: JsonTypeInfoKind.Object } info)
            {
                continue;
            }

            foreach (var property in info.Properties)
            {
                pending.Push(property.PropertyType);
            }
        }

        return found;
    });

    /// <summary>The item type when <paramref name="type"/> is a list, else null.</summary>
    public static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments() is [var item] ? item
        : null;

    private static int StringLength(string name) =>
        name is "id" or "sha256" || name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("Ids", StringComparison.Ordinal) ? IdLength
        : name is "url" ? UrlLength
        : name is "currency" ? 3
        : TextLength;

    /// <summary>
    /// The endpoint filter that holds every route's arguments (path, query and body) to these bounds before the
    /// handler runs: a request outside them is answered with a 400 naming each member, and nothing happens.
    /// </summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(factory);

        // The JSON body is a record of ours that is not a service: the rule minimal APIs bind it by.
        var services = factory.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
        bool IsBody(Type type) => type is { IsClass: true, IsAbstract: false } && type != typeof(string) && !services.IsService(type)
            && type.Namespace?.StartsWith("AfterSales.Disputes", StringComparison.Ordinal) == true;
        var checkedArguments = factory.MethodInfo.GetParameters()
            .Select((parameter, index) => (Name: IsBody(parameter.ParameterType) ? "" : parameter.Name!, Index: index, parameter.ParameterType))
            .Where(argument => argument.Name.Length == 0 || For(argument.Name, argument.ParameterType) != new Bounds())
            .ToArray();
        if (checkedArguments.Length == 0)
        {
            return next;
        }

        var json = factory.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return async context =>
        {
            var errors = checkedArguments.SelectMany(argument => Check(argument.Name, context.Arguments[argument.Index], json)).ToList();
            return errors.Count > 0 ? Problems.ApiProblems.Invalid(errors) : await next(context);
        };
    }

    /// <summary>
    /// The members of a bound request argument outside their bounds, each with its path as JSON spells it
    /// (<c>otherLines[1].quantity</c>). Walks the value as the API's JSON reads it; <c>files</c> is skipped (the host sets it).
    /// </summary>
    public static IReadOnlyList<ValidationError> Check(string name, object? value, JsonSerializerOptions json)
    {
        var errors = new List<ValidationError>();
        Walk(name, name, value, value?.GetType() ?? typeof(object), owner: null, json, errors, depth: 0);
        return errors;
    }

    private static void Walk(string path, string name, object? value, Type type, Type? owner, JsonSerializerOptions json, List<ValidationError> errors, int depth)
    {
        if (value is null || depth > 16)
        {
            return;
        }

        var bounds = For(name, type, owner);
        switch (value)
        {
            case string text when text.Length > bounds.MaxLength:
                errors.Add(new(path, ApiTexts.Format("Member.MaxLength", bounds.MaxLength)));
                return;
            case Uri uri when uri.OriginalString.Length > bounds.MaxLength:
                errors.Add(new(path, ApiTexts.Format("Member.MaxLength", bounds.MaxLength)));
                return;
            case int or long when Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) is var number && (number < bounds.Minimum || number > bounds.Maximum):
                errors.Add(new(path, ApiTexts.Format("Member.WholeNumber", bounds.Minimum, bounds.Maximum)));
                return;
            case Amount amount when Math.Abs(amount.MinorUnits) > MaxMinorUnits:
                errors.Add(new(path + ".minorUnits", ApiTexts.Format("Member.WholeNumber", -MaxMinorUnits, MaxMinorUnits)));
                return;
            case string or Uri or Amount or Enum or ValueType:
                return;
            case IEnumerable items:
                var list = items.Cast<object?>().ToList();
                if (list.Count > bounds.MaxItems)
                {
                    errors.Add(new(path, ApiTexts.Format("Member.MaxItems", bounds.MaxItems)));
                    return;
                }

                var itemType = ElementType(type) ?? typeof(object);
                var itemName = name.EndsWith("Ids", StringComparison.Ordinal) ? "id" : name;
                for (var i = 0; i < list.Count; i++)
                {
                    Walk($"{path}[{i}]", itemName, list[i], list[i]?.GetType() ?? itemType, owner, json, errors, depth + 1);
                }

                return;
        }

        var info = json.GetTypeInfo(value.GetType());
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in info.Properties.Where(p => p.Get is not null && p.Name != "files"))
        {
            Walk(path.Length == 0 ? property.Name : path + "." + property.Name, property.Name, property.Get!(value), property.PropertyType, value.GetType(), json, errors, depth + 1);
        }
    }
}
