namespace Ikosa.Engine;

/// <summary>A handle on this assembly, for tests that check the layering.</summary>
public static class EngineAssembly;
