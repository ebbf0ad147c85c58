namespace VpcCni.Simulator.Kubernetes;

/// <summary>How to start a <see cref="KubernetesApiServer"/>.</summary>
public sealed class KubernetesApiServerOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>How many changes watches can replay; a watch from an older resource version gets 410 Gone.</summary>
    public int HistoryLimit { get; set; } = 1000;

    /// <summary>Stamps <c>metadata.creationTimestamp</c>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
