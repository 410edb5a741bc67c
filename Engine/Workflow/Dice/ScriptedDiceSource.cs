namespace Ikosa.Engine.Workflow.Dice;

/// <summary>
/// Faces given in advance, in order, so a rule test can say "the d20 shows 20". When the script runs
/// out it falls back to a seeded source; a face larger than the die is refused so a wrong script fails loudly. Faces a
/// rolled-back transaction drew come back to the front, so a retried roll (under load) still shows the scripted face.
/// </summary>
public sealed class ScriptedDiceSource(params int[] faces) : IDiceSource
{
    private readonly LinkedList<int> _faces = new(faces);
    private readonly SeededDiceSource _fallback = new(0);

    public void Enqueue(params int[] faces)
    {
        lock (_faces) foreach (var face in faces) _faces.AddLast(face);
    }

    public int Remaining
    {
        get { lock (_faces) return _faces.Count; }
    }

    public int Roll(int sides)
    {
        lock (_faces)
        {
            if (_faces.First is not { Value: var face }) return _fallback.Roll(sides);
            _faces.RemoveFirst();
            if (face < 1 || face > sides)
                throw new InvalidOperationException($"scripted face {face} does not fit a d{sides}");
            return face;
        }
    }

    public void Return(IReadOnlyList<int> faces)
    {
        lock (_faces)
            for (var i = faces.Count - 1; i >= 0; i--) _faces.AddFirst(faces[i]);
    }
}
