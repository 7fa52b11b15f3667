import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    console.error('Error inesperado:', error);
    process.exit(1);
  },
);
