using Microsoft.Extensions.Configuration;

namespace VpcCni.Engine.Configuration;

/// <summary>
/// An <see cref="IConfigurationSource"/> over the service's environment file
/// (<c>/etc/vpc-cni/vpc-cni.env</c>, the unit's <c>EnvironmentFile=</c>), which unlike the process
/// environment can be read again while the service runs.
/// </summary>
public sealed class EnvFileConfigurationSource : IConfigurationSource
{
    /// <summary>The file's absolute path.</summary>
    public required string Path { get; init; }

    /// <summary>When true a missing file yields no values instead of failing.</summary>
    public bool Optional { get; init; }

    /// <summary>How often to check whether the file changed; null checks only on <see cref="EnvFileConfigurationProvider.Reload"/>.</summary>
    public TimeSpan? PollInterval { get; init; }

    /// <summary>The clock of the polling timer.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new EnvFileConfigurationProvider(this);
}
