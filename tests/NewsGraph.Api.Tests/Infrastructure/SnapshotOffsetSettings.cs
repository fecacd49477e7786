using System.Globalization;
using Newtonsoft.Json;
using Snapshooter.Core.Serialization;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>
/// Snapshooter compares snapshots after re-reading them with Json.NET's date detection, which turns
/// "2020-11-23T15:52:00+09:00" into the machine's local time: a snapshot that lost its offset would still
/// match. Offsets written with a space instead of the "T" (RFC 3339 allows either) stay text, so they are compared.
/// </summary>
public sealed class SnapshotOffsetSettings : SnapshotSerializerSettings
{
    public override JsonSerializerSettings Extend(JsonSerializerSettings settings)
    {
        settings.Converters.Add(new DateTimeOffsetAsText());
        return settings;
    }

    private sealed class DateTimeOffsetAsText : JsonConverter<DateTimeOffset>
    {
        private const string Format = "yyyy'-'MM'-'dd HH':'mm':'sszzz";

        public override void WriteJson(JsonWriter writer, DateTimeOffset value, JsonSerializer serializer)
            => writer.WriteValue(value.ToString(Format, CultureInfo.InvariantCulture));

        public override DateTimeOffset ReadJson(JsonReader reader, Type objectType, DateTimeOffset existingValue, bool hasExistingValue, JsonSerializer serializer)
            => DateTimeOffset.ParseExact((string)reader.Value!, Format, CultureInfo.InvariantCulture);
    }
}
