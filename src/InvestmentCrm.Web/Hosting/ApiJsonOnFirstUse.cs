using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace InvestmentCrm.Web.Hosting;

/// <summary>
/// The API's JSON metadata for an application type (a DTO, a request, a page of results) is built when a value of that
/// type is first written or read, not for every one of the ~270 API types when the endpoints are built: minimal APIs ask
/// the options for each endpoint's body and result type then, and the reflection resolver answers with the whole metadata —
/// a property list, converters and an emitted getter and setter per property. Built eagerly that was ~5,000 loaded types
/// and ~1,500 emitted methods resident on a node whose day touches a few dozen of them (docs/architecture.md, "Memory").
/// The JSON is the same: the metadata comes from the same options, only later.
/// </summary>
internal sealed class ApiJsonOnFirstUse : JsonConverterFactory
{
    private JsonSerializerOptions? _built;

    public static void Register(JsonSerializerOptions options) => options.Converters.Add(new ApiJsonOnFirstUse());

    public override bool CanConvert(Type typeToConvert) => IsApplicationType(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(OnFirstUse<>).MakeGenericType(typeToConvert), this)!;

    /// <summary>The application's own classes and records; its enums and the framework's types keep their converters.</summary>
    internal static bool IsApplicationType(Type type) =>
        !type.IsEnum && type.Assembly.GetName().Name is { } name && name.StartsWith("InvestmentCrm.", StringComparison.Ordinal);

    /// <summary>The same options without this factory: there a type's metadata is built, once, with everything it reaches.</summary>
    private JsonSerializerOptions Built(JsonSerializerOptions options)
    {
        if (Volatile.Read(ref _built) is { } built)
            return built;
        var copy = new JsonSerializerOptions(options);
        copy.Converters.Remove(this);
        copy.MakeReadOnly(populateMissingResolver: true);
        return Interlocked.CompareExchange(ref _built, copy, null) ?? copy;
    }

    private sealed class OnFirstUse<T>(ApiJsonOnFirstUse factory) : JsonConverter<T>
    {
        private JsonTypeInfo<T>? _metadata;

        private JsonTypeInfo<T> Metadata(JsonSerializerOptions options) =>
            _metadata ??= (JsonTypeInfo<T>)factory.Built(options).GetTypeInfo(typeof(T));

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize(ref reader, Metadata(options));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, Metadata(options));
    }
}
