// An optional, soft two-note chime made with Web Audio (no sound file). Off by default; browsers only allow audio
// after a gesture, which is why it is switched on from a click.
export class Chime {
  constructor() {
    this.context = null;
    this.enabled = false;
  }

  enable() {
    this.enabled = true;
    const AudioContextClass = window.AudioContext || window.webkitAudioContext;
    if (!this.context && AudioContextClass) {
      try {
        this.context = new AudioContextClass();
      } catch {
        this.context = null;
      }
    }
  }

  /** Switched on in an earlier visit: wait for the first gesture before making the audio context. */
  enableOnFirstGesture() {
    this.enabled = true;
    const arm = () => {
      document.removeEventListener('pointerdown', arm, true);
      document.removeEventListener('keydown', arm, true);
      if (this.enabled) this.enable();
    };
    document.addEventListener('pointerdown', arm, true);
    document.addEventListener('keydown', arm, true);
  }

  disable() { this.enabled = false; }

  play() {
    const ctx = this.context;
    if (!ctx) return;
    if (ctx.state === 'suspended') ctx.resume().catch(() => {});
    const start = ctx.currentTime + 0.02;
    [[587.33, 0], [880, 0.22]].forEach(([frequency, offset]) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.08, start + offset + 0.04);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.6);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.65);
    });
  }
}
