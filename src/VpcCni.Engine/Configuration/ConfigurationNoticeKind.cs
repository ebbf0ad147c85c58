namespace VpcCni.Engine.Configuration;

/// <summary>Why a key was accepted but deserves the operator's attention.</summary>
public enum ConfigurationNoticeKind
{
    /// <summary>A known key that other components (EKS, Windows nodes, controllers) read; the Linux node ignores it.</summary>
    NotUsedByNode,

    /// <summary>A key that upstream has retired; it is validated and then ignored.</summary>
    Deprecated,

    /// <summary>A key that is set but has no effect with the rest of the configuration.</summary>
    Ineffective,

    /// <summary>A key nobody recognises, most likely a typo. This is the only warning kind.</summary>
    UnknownKey,
}
