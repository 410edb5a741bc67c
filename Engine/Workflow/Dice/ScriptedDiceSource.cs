namespace Ikosa.Engine.Workflow.Dice;

/// <summary>
/// Faces given in advance, in order, so a rule test can say "the d20 shows 20". When the script runs
/// out it falls back to a seeded source; a face larger than the die is refused so a wrong script fails loudly.
/// </summary>
public sealed class ScriptedDiceSource(params int[] faces) : IDiceSource
{
    private readonly Queue<int> _faces = new(faces);
    private readonly SeededDiceSource _fallback = new(0);

    public void Enqueue(params int[] faces)
    {
        lock (_faces) foreach (var face in faces) _faces.Enqueue(face);
    }

    public int Remaining
    {
        get { lock (_faces) return _faces.Count; }
    }

    public int Roll(int sides)
    {
        lock (_faces)
        {
            if (!_faces.TryDequeue(out var face)) return _fallback.Roll(sides);
            if (face < 1 || face > sides)
                throw new InvalidOperationException($"scripted face {face} does not fit a d{sides}");
            return face;
        }
    }
}
