namespace VpcCni.Engine.Aws.LeakedEnis;

/// <summary>Why <see cref="LeakedEniRule"/> calls an ENI leaked.</summary>
public enum LeakedEniReason
{
    /// <summary>The instance named by its tag is terminated or no longer exists, so nothing will attach it.</summary>
    InstanceGone,

    /// <summary>Its creation-time tag is older than the grace period.</summary>
    OlderThanGracePeriod,

    /// <summary>It has no (readable) creation-time tag; being unattached, it counts as old.</summary>
    NoCreationTime,
}
