namespace VpcCni.Engine.Configuration;

/// <summary>Where one variable's raw text came from, kept so range errors can name the ConfigMap key.</summary>
internal readonly record struct ValueOrigin(ConfigurationSource Source, string? ConfigMapKey, string? RawValue)
{
    public static ValueOrigin Default { get; } = new(ConfigurationSource.Default, null, null);
}
