import type { Collection, Filter } from 'mongodb';
import {
  NewUserInputSchema,
  UserSchema,
  UserUpdateSchema,
  type NewUserInput,
  type User,
  type UserUpdate,
} from '@shared/user';
import { newId } from '../ids';
import { stamped, unstamped } from '../schema/schema-version';
import { escapeRegex, pageOf, type Page, type PageRequest } from './paging';

export interface UserListFilter extends PageRequest {
  /** Matches name or email, case-insensitive. */
  search?: string;
  includeArchived?: boolean;
}

export class UsersRepository {
  constructor(private readonly users: Collection<User>) {}

  async create(input: NewUserInput, now = new Date()): Promise<User> {
    const valid = NewUserInputSchema.parse(input);
    const user = UserSchema.parse({
      _id: valid._id ?? newId(),
      nombre_completo: valid.nombre_completo.trim(),
      email: valid.email ?? null,
      telefono: valid.telefono ?? null,
      notas: valid.notas ?? null,
      archived: false,
      created_at: now,
      updated_at: now,
    });
    await this.users.insertOne(stamped(user));
    return user;
  }

  async get(id: string): Promise<User | null> {
    return unstamped(await this.users.findOne({ _id: id }));
  }

  async update(id: string, changes: UserUpdate, now = new Date()): Promise<User | null> {
    const valid = UserUpdateSchema.parse(changes);
    const result = await this.users.findOneAndUpdate(
      { _id: id },
      { $set: { ...valid, updated_at: now } },
      { returnDocument: 'after' },
    );
    return unstamped(result);
  }

  async list(filter: UserListFilter = {}): Promise<Page<User>> {
    const query: Filter<User> = {};
    if (!filter.includeArchived) query.archived = false;
    const search = filter.search?.trim();
    if (search) {
      const pattern = new RegExp(escapeRegex(search), 'i');
      query.$or = [{ nombre_completo: pattern }, { email: pattern }];
    }
    return pageOf(this.users, query, { nombre_completo: 1 }, filter);
  }
}
